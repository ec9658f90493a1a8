package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TagsTests {

    @Test
    void listsAreSplitTrimmedSpacedAndDeduplicatedIgnoringCase() {
        assertThat(Tags.parse(" Java ;python\n JAVA;;  Public \t speaking \r\n;java"))
                .containsExactly("Java", "python", "Public speaking");
        assertThat(Tags.parse("Contract  law;Contract law")).containsExactly("Contract law");
        assertThat(Tags.parse("  ;\n ")).isEmpty();
        assertThat(Tags.parse(null)).isEmpty();
    }

    /** The hand-written split gives what the regular expressions it replaced gave, on any text. */
    @Test
    void parsingAgreesWithTheRegularExpressions() {
        String alphabet = "aB ;\n\t\r\u000B\fxY\u0001";
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Tags.parse(text.toString()))
                    .as("%s", text.toString().replace("\n", "\\n"))
                    .isEqualTo(byRegex(text.toString()));
        }
    }

    private static List<String> byRegex(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String part : Pattern.compile("[;\\n]").split(text)) {
            String value = Pattern.compile("\\s+").matcher(part.trim()).replaceAll(" ");
            if (!value.isEmpty()) {
                unique.putIfAbsent(value.trim().toLowerCase(Locale.ROOT), value);
            }
        }
        return List.copyOf(new ArrayList<>(unique.values()));
    }
}
