package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The kept message source writes, for every message of the application and for patterns chosen to
 * trip a hand-made formatter, exactly what Spring's message source (through MessageFormat) writes.
 */
class KeptMessagesTests {

    private static final List<Object[]> ARGUMENTS =
            List.of(
                    new Object[] {"Priya"},
                    new Object[] {"Priya", "Sam", "x", "y"},
                    new Object[] {"<b>&'\"", null, 3},
                    new Object[] {
                        LocalDate.of(2026, 12, 4), UUID.nameUUIDFromBytes(new byte[] {1})
                    },
                    new Object[] {1234567, 2.5},
                    new Object[] {new Date(0), "z"},
                    new Object[] {new DefaultMessageSourceResolvable(new String[] {"one"}, "d")},
                    new Object[] {null},
                    new Object[] {"one only"});

    private static final List<Locale> LOCALES =
            List.of(Locale.ENGLISH, Locale.GERMANY, Locale.forLanguageTag("ar-EG"), Locale.ROOT);

    @Test
    void everyApplicationMessageReadsAsMessageFormatWritesIt() throws Exception {
        assertSameAsSpring("messages", codes("/messages.properties"));
    }

    @Test
    void quotesFormatsAndOddBracesReadAsMessageFormatWritesThem() throws Exception {
        List<String> codes = codes("/kept-messages-test.properties");
        assertThat(codes).hasSizeGreaterThan(10);
        assertSameAsSpring("kept-messages-test", codes);
    }

    @Test
    void aMessageNobodyDefinedIsNotKept() {
        KeptMessages kept = source(new KeptMessages(true), "kept-messages-test");
        assertThat(kept.getMessage("one", new Object[] {"a"}, Locale.ENGLISH))
                .isEqualTo("Hello a!");
        int before = kept.kept();
        assertThat(before).isEqualTo(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(kept.getMessage("missing." + i, new Object[] {"a"}, "?", Locale.ENGLISH))
                    .isEqualTo("?");
            assertThat(kept.getMessage("missing." + i, null, "?", Locale.ENGLISH)).isEqualTo("?");
        }
        assertThat(kept.kept()).isEqualTo(before);
        assertThat(kept.getMessage("two", new Object[] {"a", "b"}, Locale.ENGLISH))
                .isEqualTo("b before a");
        assertThat(kept.kept()).isEqualTo(before + 1);
    }

    private static void assertSameAsSpring(String basename, List<String> codes) {
        ResourceBundleMessageSource spring = source(new ResourceBundleMessageSource(), basename);
        KeptMessages kept = source(new KeptMessages(true), basename);
        int compared = 0;
        for (int round = 0; round < 2; round++) { // the second round reads what was kept
            for (String code : codes) {
                for (Locale locale : LOCALES) {
                    assertThat(outcome(() -> kept.getMessage(code, null, locale)))
                            .as(code)
                            .isEqualTo(outcome(() -> spring.getMessage(code, null, locale)));
                    for (Object[] args : ARGUMENTS) {
                        assertThat(outcome(() -> kept.getMessage(code, args, "default", locale)))
                                .as("%s %s %s", code, java.util.Arrays.toString(args), locale)
                                .isEqualTo(
                                        outcome(
                                                () ->
                                                        spring.getMessage(
                                                                code, args, "default", locale)));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(codes.size());
    }

    /** The text, or the refusal (a bad pattern, an argument of the wrong type) as text. */
    private static String outcome(java.util.function.Supplier<String> message) {
        try {
            return message.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static <T extends ResourceBundleMessageSource> T source(T source, String basename) {
        source.setBasename(basename);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static List<String> codes(String resource) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = KeptMessagesTests.class.getResourceAsStream(resource)) {
            properties.load(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new ArrayList<>(properties.stringPropertyNames());
    }
}
