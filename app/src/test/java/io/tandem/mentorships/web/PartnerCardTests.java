package io.tandem.mentorships.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.thymeleaf.util.NumberUtils;

/** The partner card writes shared hours as the template's number format wrote them. */
class PartnerCardTests {

    @Test
    void sharedHoursReadAsTheNumberFormatWroteThemInEveryLocale() {
        List<Locale> locales =
                List.of(
                        Locale.ENGLISH,
                        Locale.GERMANY,
                        Locale.FRANCE,
                        Locale.forLanguageTag("ar-EG"),
                        Locale.forLanguageTag("hi-IN"),
                        Locale.forLanguageTag("fa-IR"),
                        Locale.ROOT);
        for (Locale locale : locales) {
            // Shared hours are whole minutes of a week over sixty.
            for (int minutes = 0; minutes <= 7 * 24 * 60; minutes++) {
                double hours = minutes / 60.0;
                assertThat(PartnerCard.oneDecimal(hours, locale))
                        .as("%d minutes in %s", minutes, locale)
                        .isEqualTo(NumberUtils.format(hours, 1, 1, locale));
            }
        }
        assertThat(PartnerCard.oneDecimal(7.25, Locale.ENGLISH)).isEqualTo("7.2");
        assertThat(PartnerCard.oneDecimal(7.75, Locale.GERMANY)).isEqualTo("7,8");
    }
}
