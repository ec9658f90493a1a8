package io.tandem.audit;

import io.tandem.identity.OrganisationId;
import io.tandem.web.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/** The audit trail as CSV, oldest first, hashes included so an auditor can check it elsewhere. */
@Component
public class AuditCsv {

    static final String[] HEADER = {
        "seq",
        "id",
        "occurred_at",
        "actor_kind",
        "actor_id",
        "actor",
        "action",
        "target_type",
        "target_id",
        "detail",
        "address",
        "previous_hash",
        "hash"
    };

    private final AuditLog log;

    AuditCsv(AuditLog log) {
        this.log = log;
    }

    /** Answers the download: the file {@code audit.csv}, written as {@link #write} does. */
    public void download(
            OrganisationId organisation,
            AuditQuery query,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        java.io.OutputStreamWriter out =
                new java.io.OutputStreamWriter(
                        response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        write(organisation, query, out);
        out.flush();
    }

    /** Writes the entries and records, as its own entry, that the log was downloaded. */
    public void write(OrganisationId organisation, AuditQuery query, Writer out) {
        log.record(organisation, "AUDIT_EXPORTED", null, null, null);
        // Not closed here: the writer (a response, say) belongs to the caller.
        try {
            CSVPrinter csv =
                    new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            log.each(
                    organisation,
                    query,
                    e -> {
                        try {
                            csv.printRecord(
                                    e.seq(),
                                    e.id(),
                                    e.occurredAt(),
                                    e.actorKind(),
                                    CsvCells.safe(e.actorId()),
                                    CsvCells.safe(e.actorLabel()),
                                    e.action(),
                                    CsvCells.safe(e.targetType()),
                                    CsvCells.safe(e.targetId()),
                                    CsvCells.safe(e.detail()),
                                    CsvCells.safe(e.address()),
                                    e.previousHash(),
                                    e.hash());
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
