package io.tandem.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lists of skills and languages: split, trimmed, de-duplicated ignoring case, order kept. */
final class Tags {

    static final String SEPARATOR = ";";

    private Tags() {}

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String part : text.split("[;\\n]")) {
            String value = part.trim().replaceAll("\\s+", " ");
            if (!value.isEmpty()) {
                unique.putIfAbsent(key(value), value);
            }
        }
        return List.copyOf(new ArrayList<>(unique.values()));
    }

    static List<String> clean(List<String> values) {
        return values == null ? List.of() : parse(String.join(SEPARATOR, values));
    }

    static String join(List<String> values) {
        return String.join(SEPARATOR, values);
    }

    static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
