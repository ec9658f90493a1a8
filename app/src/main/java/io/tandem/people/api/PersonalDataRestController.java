package io.tandem.people.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.identity.TandemUser;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataManagement;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's personal data for an admin's {@code api} token: the export document, and erasure. Both
 * are recorded in the audit trail.
 */
@RestController
@RequestMapping("/api/v1/people/{id}")
@PreAuthorize("hasRole('ADMIN')")
class PersonalDataRestController {

    record Erasure(boolean erased) {}

    private final PersonalDataManagement personalData;

    PersonalDataRestController(PersonalDataManagement personalData) {
        this.personalData = personalData;
    }

    /** The document a person downloads from their profile; {@code /export} is the same. */
    @Operation(
            summary =
                    "Everything Tandem holds about the person as one JSON document (admins; audited)")
    @GetMapping({"/personal-data", "/export"})
    ResponseEntity<Map<String, Object>> export(TandemUser user, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("tandem-personal-data.json")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(personalData.export(user.organisationId(), new PersonId(id)));
    }

    /** {@code erased: false} when the person had been erased already (nothing changed). */
    @Operation(
            summary =
                    "Erase the person: pseudonymised everywhere, private content removed, counts kept (admins; audited)")
    @PostMapping("/erase")
    Erasure erase(TandemUser user, @PathVariable UUID id) {
        return new Erasure(personalData.erase(user.organisationId(), new PersonId(id)));
    }
}
