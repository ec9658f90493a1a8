package io.tandem.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.tandem.audit.AuditCsv;
import io.tandem.audit.AuditEntry;
import io.tandem.audit.AuditFilter;
import io.tandem.audit.AuditLog;
import io.tandem.audit.Verification;
import io.tandem.identity.TandemUser;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for admins and their tools. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditRestController {

    private final AuditLog log;
    private final AuditCsv csv;

    AuditRestController(AuditLog log, AuditCsv csv) {
        this.log = log;
        this.csv = csv;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit entries, newest first; from/to are dates (UTC) or instants")
    Paged<AuditEntry> entries(
            TandemUser user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return log.find(
                user.organisationId(),
                new AuditFilter(from, to, actor, action).query(),
                PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/audit/verify")
    @Operation(summary = "Recompute the hash chain: {valid, entries, firstBrokenId}")
    Verification verify(TandemUser user) {
        return log.verify(user.organisationId());
    }

    @GetMapping("/api/v1/audit.csv")
    @Operation(summary = "Audit entries as CSV, oldest first, with their hashes")
    void csv(
            TandemUser user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            HttpServletResponse response)
            throws IOException {
        csv.download(
                user.organisationId(), new AuditFilter(from, to, actor, action).query(), response);
    }
}
