package io.tandem.people.api;

import io.tandem.identity.TandemUser;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.ImportResult;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PeopleValues;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.people.ReportingLine;
import io.tandem.people.WorkMode;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
class PeopleRestController {

    private final PeopleManagement people;
    private final long maxBytes;

    PeopleRestController(PeopleManagement people, io.tandem.web.WebProperties web) {
        this.people = people;
        this.maxBytes = web.imports().maxBytes();
    }

    /** Body: the CSV file itself ({@code text/csv}). All rows are written, or none. */
    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
    ImportResult importPeople(TandemUser user, HttpServletRequest request) throws IOException {
        return people.importCsv(user.organisationId(), readLimited(request));
    }

    @GetMapping
    Paged<PersonSummary> search(
            TandemUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String function,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String workMode,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery pageQuery = PageQuery.of(page, size);
        DirectoryQuery query =
                new DirectoryQuery(
                        q,
                        division,
                        function,
                        location,
                        skill,
                        language,
                        workMode(workMode),
                        level);
        return people.search(user.organisationId(), query, pageQuery);
    }

    @GetMapping("/values")
    PeopleValues values(TandemUser user) {
        return people.values(user.organisationId());
    }

    @GetMapping("/{id}")
    PersonSummary person(TandemUser user, @PathVariable UUID id) {
        return people.get(user.organisationId(), new PersonId(id));
    }

    @GetMapping("/{id}/reporting-line")
    ReportingLine reportingLine(TandemUser user, @PathVariable UUID id) {
        return people.reportingLine(user.organisationId(), new PersonId(id));
    }

    static WorkMode workMode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return WorkMode.parse(value)
                .orElseThrow(
                        () ->
                                InvalidInputException.badRequest(
                                        "request.parameter.invalid",
                                        List.of(
                                                InputError.field(
                                                        "workMode", "request.work-mode.invalid"))));
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException(
                "The file is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MB");
    }
}
