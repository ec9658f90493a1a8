package io.tandem.people;

import java.util.Map;

/**
 * A person in the HR import's own vocabulary: one cell per column of {@link PeopleColumns#ALL}
 * (empty when unset; lists {@code ;}-separated; the manager by employee id). The CSV import and
 * SCIM provisioning both read and write people through this one shape, so they cannot disagree on a
 * field.
 */
public record PersonRecord(PersonId id, Map<String, String> cells) {

    public String get(String column) {
        return cells.getOrDefault(column, "");
    }
}
