package io.tandem.audit;

import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter as people type it, on the page and in the API: {@code from} and {@code to} are dates
 * ({@code 2026-12-01}, whole days in UTC, {@code to} included) or instants.
 */
public record AuditFilter(
        @Size(max = 40) String from,
        @Size(max = 40) String to,
        @Size(max = 320) String actor,
        @Size(max = 60) String action) {

    public AuditQuery query() {
        List<InputError> errors = new ArrayList<>();
        Instant start = instant(from, false, "from", errors);
        Instant end = instant(to, true, "to", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(InputError.field("to", "audit.filter.to.before-from"));
        }
        if (actor != null && actor.length() > 320) {
            errors.add(InputError.field("actor", "audit.filter.actor.long"));
        }
        if (action != null && action.length() > 60) {
            errors.add(InputError.field("action", "audit.filter.action.long"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable("audit.filter.invalid", errors);
        }
        return new AuditQuery(start, end, blank(actor), blank(action));
    }

    private static Instant instant(
            String text, boolean end, String field, List<InputError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.strip().length() == 10) {
                LocalDate day = LocalDate.parse(text.strip());
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(InputError.field(field, "audit.filter.date.invalid"));
            return null;
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
