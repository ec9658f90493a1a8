package io.tandem.people;

import io.tandem.identity.OrganisationId;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A module's part in a person's personal data: what it holds about them for the export, and what it
 * removes or replaces when they are erased. Each module that keeps something about people
 * implements it, so this module collects every part without depending on any of them.
 */
public interface PersonalDataContributor {

    /** What erased people are called wherever their name was. */
    String FORMER_MEMBER = "Former member";

    /**
     * This module's sections of the export (name → rows or values); only what the person is, did or
     * wrote, never another person's private content.
     */
    Map<String, Object> export(OrganisationId organisation, PersonId person);

    /**
     * Removes what the person wrote in private and replaces their name and e-mail where this module
     * keeps them; runs in the erasure's transaction, before the profile itself is replaced.
     *
     * @return how many rows this module changed or removed (for the audit entry)
     */
    int erase(ErasedPerson person);

    /** Database rows as the export writes them: lower-case column names, values as text. */
    static List<Map<String, Object>> portable(List<Map<String, Object>> rows) {
        return rows.stream().map(PersonalDataContributor::portable).toList();
    }

    private static Map<String, Object> portable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(camel(column), portableValue(value)));
        return out;
    }

    private static Object portableValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Clob c) {
            try {
                return c.getSubString(1, (int) c.length());
            } catch (SQLException e) {
                throw new IllegalStateException("An exported text could not be read", e);
            }
        }
        return value.toString();
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
