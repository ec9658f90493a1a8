package io.tandem.programs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentId;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** A program's enrolment rows, written without the template: escaped, with their decisions. */
class EnrolmentRowsTests {

    private final EnrolmentRows rows = new EnrolmentRows(TestMessages.source());
    private final ProgramId program = new ProgramId(UUID.randomUUID());
    private final DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t\"<k>");

    @Test
    void aPendingEnrolmentIsEscapedAndCanBeTickedApprovedOrDeclinedWithTheToken() {
        EnrolmentView pending =
                enrolment("Eve <img>", "R&D", EnrolmentRole.MENTEE, EnrolmentStatus.PENDING);

        String html =
                rows.html(
                        List.of(pending),
                        EnrolmentRows.Table.of(program, "", Locale.ENGLISH, csrf));

        String decision =
                "action=\"/programs/" + program.value() + "/enrolments/" + pending.id().value();
        assertThat(html)
                .contains("form=\"bulk-decisions\" value=\"" + pending.id().value() + "\"")
                .contains("aria-label=\"Select Eve &lt;img&gt;\"")
                .contains("<td data-label=\"Name\"><a href=\"/people/" + pending.personId().value())
                .contains(">Eve &lt;img&gt;</a>")
                .contains("<td data-label=\"Division\">R&amp;D</td>")
                .contains("<td data-label=\"Location\">London</td>")
                .contains(decision + "/decision\"")
                .contains("name=\"_csrf\" value=\"t&quot;&lt;k&gt;\"")
                .contains("name=\"approve\" value=\"true\"")
                .contains("aria-label=\"Approve Eve &lt;img&gt;\">Approve</button>")
                .contains("aria-label=\"Decline Eve &lt;img&gt;\">Decline</button>")
                .doesNotContain("<img>")
                .doesNotContain("??");
    }

    @Test
    void aDecidedEnrolmentOffersNoTickNorDecisionAndNamesItsRoleAndStatus() {
        EnrolmentView active =
                enrolment("Max Mentor", null, EnrolmentRole.MENTOR, EnrolmentStatus.ACTIVE);

        String html =
                rows.html(
                        List.of(active), EnrolmentRows.Table.of(program, "", Locale.ENGLISH, csrf));

        assertThat(html)
                .contains("<td data-label=\"Division\"></td>")
                .doesNotContain("type=\"checkbox\"")
                .doesNotContain("<form")
                .doesNotContain("null")
                .doesNotContain("??")
                .endsWith("<td></td></tr>\n");
    }

    private EnrolmentView enrolment(
            String name, String division, EnrolmentRole role, EnrolmentStatus status) {
        return new EnrolmentView(
                new EnrolmentId(UUID.randomUUID()),
                program,
                new PersonId(UUID.randomUUID()),
                name,
                "someone@acme.test",
                division,
                "London",
                role,
                status,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
