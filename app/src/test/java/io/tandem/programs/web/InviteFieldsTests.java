package io.tandem.programs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.people.PeopleValues;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The empty invitation form's fields, written once without the template. */
class InviteFieldsTests {

    private final InviteFields fields = new InviteFields(TestMessages.source());

    @Test
    void theOrganisationsValuesAreEscapedAsOptions() {
        PeopleValues values =
                new PeopleValues(
                        List.of("<script>alert(1)</script>", "R&D"),
                        List.of("Sales \"EU\""),
                        List.of("London"),
                        List.of(),
                        List.of());

        String html = fields.html(values, Locale.ENGLISH);

        assertThat(html)
                .contains(
                        "<option value=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"
                                + "&lt;script&gt;alert(1)&lt;/script&gt;</option>")
                .contains("<option value=\"R&amp;D\">R&amp;D</option>")
                .contains("<option value=\"Sales &quot;EU&quot;\">Sales &quot;EU&quot;</option>")
                .doesNotContain("<script>");
    }

    @Test
    void everyControlHasItsLabelAndTheSegmentsChoicesStartWithAny() {
        PeopleValues values =
                new PeopleValues(
                        List.of("Retail"),
                        List.of("Sales"),
                        List.of("Berlin"),
                        List.of(),
                        List.of());

        String html = fields.html(values, Locale.ENGLISH);

        for (String id :
                List.of(
                        "invite-role",
                        "invite-division",
                        "invite-function",
                        "invite-location",
                        "invite-level",
                        "invite-mode",
                        "invite-emails",
                        "invite-file")) {
            assertThat(html).contains("<label for=\"" + id + "\">").contains("id=\"" + id + "\"");
        }
        assertThat(html)
                .contains(
                        "<select id=\"invite-role\" name=\"role\"><option value=\"MENTOR\">Mentor"
                                + "</option><option value=\"MENTEE\">Mentee</option></select>")
                .contains(
                        "<select id=\"invite-division\" name=\"division\"><option value=\"\">Any"
                                + "</option><option value=\"Retail\">Retail</option></select>")
                .contains("<option value=\"HOME_OFFICE\">Home office</option>")
                .contains("name=\"level\" type=\"number\" max=\"99\"")
                .contains("aria-describedby=\"invite-emails-hint\"")
                .contains("aria-describedby=\"invite-file-hint\"")
                .doesNotContain("null")
                .doesNotContain("??");
    }
}
