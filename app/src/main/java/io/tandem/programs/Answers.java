package io.tandem.programs;

import java.util.List;
import java.util.Objects;

/** How the module cleans free-text answers before storing them. */
final class Answers {

    private Answers() {}

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        // Stored joined by semicolons, so an entry holding one is split into two.
        return values.stream()
                .filter(Objects::nonNull)
                .flatMap(v -> java.util.Arrays.stream(v.split(";")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}
