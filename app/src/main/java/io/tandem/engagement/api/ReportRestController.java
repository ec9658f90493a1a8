package io.tandem.engagement.api;

import io.tandem.engagement.DashboardReport;
import io.tandem.engagement.ProgramReport;
import io.tandem.engagement.ProgramReports;
import io.tandem.engagement.ReportCsv;
import io.tandem.identity.TandemUser;
import io.tandem.programs.ProgramId;
import java.io.StringWriter;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A program's report for leadership tools: the dashboard's figures as JSON and as CSV. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class ReportRestController {

    private final ProgramReports reports;

    ReportRestController(ProgramReports reports) {
        this.reports = reports;
    }

    /**
     * Funnel, health, activity per week, check-in and survey aggregates (3+ answers), scores, load.
     */
    @GetMapping("/api/v1/programs/{id}/report")
    ResponseEntity<ProgramReport> report(TandemUser user, @PathVariable UUID id) {
        DashboardReport dashboard = reports.dashboard(user.organisationId(), new ProgramId(id));
        // The figures may be up to tandem.engagement.dashboard-max-age old: say when they were
        // made.
        return ResponseEntity.ok().lastModified(dashboard.asOf()).body(dashboard.report());
    }

    /**
     * The same figures, one a row: {@code section,item,measure,value}; formula-like cells
     * neutralised.
     */
    @GetMapping(value = "/api/v1/programs/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> csv(TandemUser user, @PathVariable UUID id) {
        DashboardReport dashboard = reports.dashboard(user.organisationId(), new ProgramId(id));
        ProgramReport report = dashboard.report();
        reports.exported(user.organisationId(), new ProgramId(id), "report.csv");
        StringWriter out = new StringWriter();
        ReportCsv.write(out, ProgramReports.REPORT_HEADER, ProgramReports.rows(report, null));
        return ResponseEntity.ok()
                .lastModified(dashboard.asOf())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"program-report-" + id + ".csv\"")
                .body(out.toString());
    }
}
