package io.tandem.programs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.MeetingCadence;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOverview;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A program page's figures, enrolment filter and column heads, written without the template. */
class OverviewHtmlTests {

    private final OverviewHtml html = new OverviewHtml(TestMessages.source());

    @Test
    void theFiguresCountWithGroupingWarnOfShortCapacityAndEscapeTheDivisions() {
        Map<String, Integer> divisions = new LinkedHashMap<>();
        divisions.put("R&D <lab>", 7_000);
        divisions.put("Retail", 3_000);
        ProgramOverview overview =
                new ProgramOverview(null, 2_500, 10_000, 12, 3, 5_000, divisions, Map.of());

        String figures = html.figures(overview, Locale.ENGLISH);

        assertThat(figures)
                .contains("<li>2,500 mentors</li>")
                .contains("<li>10,000 mentees</li>")
                .contains("<p class=\"alert error\" role=\"alert\">")
                .contains("can take 5,000 mentees, but 10,000 mentees are enrolled")
                .contains("<tr><th scope=\"row\">R&amp;D &lt;lab&gt;</th><td>7000</td></tr>")
                .contains("<h3>By location</h3><p>Nobody enrolled yet.</p>")
                .doesNotContain("<lab>")
                .doesNotContain("??");
    }

    @Test
    void enoughCapacityIsNoWarning() {
        ProgramOverview overview = new ProgramOverview(null, 10, 10, 0, 0, 20, Map.of(), Map.of());

        assertThat(html.figures(overview, Locale.ENGLISH)).doesNotContain("alert");
    }

    @Test
    void theFilterKeepsWhatWasChosenAndLeadsBackToTheProgram() {
        ProgramId program = new ProgramId(UUID.randomUUID());

        String form =
                html.filters(
                        program,
                        EnrolmentStatus.PENDING,
                        EnrolmentRole.MENTEE,
                        "/app",
                        Locale.ENGLISH);

        assertThat(form)
                .startsWith(
                        "<form action=\"/app/programs/"
                                + program.value()
                                + "\" method=\"get\" class=\"filters\" aria-label=\"Filter"
                                + " enrolments\">")
                .contains("<label for=\"filter-status\">Status</label>")
                .contains("<label for=\"filter-role\">Role</label>")
                .contains(
                        "<option value=\"PENDING\" selected=\"selected\">Awaiting approval</option>")
                .contains("<option value=\"ACTIVE\">Enrolled</option>")
                .contains("<option value=\"MENTEE\" selected=\"selected\">")
                .contains("<option value=\"MENTOR\">")
                .doesNotContain("??");
        assertThat(html.filters(program, null, null, "", Locale.ENGLISH))
                .doesNotContain("selected");
    }

    @Test
    void everyColumnHasItsHead() {
        assertThat(html.head(Locale.ENGLISH))
                .contains("<th scope=\"col\">Name</th>")
                .contains("<th scope=\"col\">Division</th>")
                .contains("<span class=\"visually-hidden\">Select</span>")
                .contains("<span class=\"visually-hidden\">Actions</span>")
                .doesNotContain("??");
    }

    @Test
    void theFactsSayTheDatesOrAnEllipsisAndEscapeTheAgreementAndGoals() {
        ProgramView program =
                program(
                        null,
                        LocalDate.of(2027, 6, 30),
                        "Meet <monthly> & talk",
                        List.of("Lead a \"big\" team", "Grow"));

        String facts = html.facts(program, Locale.ENGLISH);

        assertThat(facts)
                .startsWith("<h2 id=\"facts-heading\">")
                .contains("<dt>Meetings</dt><dd>Every two weeks</dd>")
                .contains("<dd>6 months</dd>")
                .contains("<dd>… to 2027-06-30</dd>")
                .contains("<dd>2026-11-01 to …</dd>")
                .contains("<dd>3</dd>")
                .contains("<dd>Yes</dd>")
                .contains("<p class=\"bio\">Meet &lt;monthly&gt; &amp; talk</p>")
                .contains("<ul><li>Lead a &quot;big&quot; team</li><li>Grow</li></ul>")
                .doesNotContain("<monthly>")
                .doesNotContain("??");
    }

    @Test
    void anEvergreenProgramWithoutAnAgreementSaysSo() {
        String facts = html.facts(program(null, null, null, List.of()), Locale.ENGLISH);

        assertThat(facts)
                .contains("<dd>Evergreen: people join at any time</dd>")
                .contains("<p class=\"bio\">—</p>")
                .contains("<ul></ul>");
    }

    @Test
    void aManagerOpensMatchingAndEngagementOfThisProgram() {
        ProgramId id = new ProgramId(UUID.randomUUID());

        String links = html.managerLinks(id, "/app", Locale.ENGLISH);

        String base = "/app/programs/" + id.value();
        assertThat(links)
                .contains("<h2 id=\"matching-heading\">Matching</h2>")
                .contains(
                        "<a class=\"button\" href=\"" + base + "/matching\">Match this program</a>")
                .contains("<h2 id=\"engagement-heading\">Engagement</h2>")
                .contains("href=\"" + base + "/engagement\"")
                .contains("href=\"" + base + "/dashboard\"")
                .contains("href=\"" + base + "/mentorships\"")
                .contains("href=\"" + base + "/video\"")
                .doesNotContain("??");
    }

    private static ProgramView program(
            LocalDate startsOn, LocalDate endsOn, String agreement, List<String> goals) {
        return new ProgramView(
                new ProgramId(UUID.randomUUID()),
                "Cross-division",
                null,
                "CUSTOM",
                ProgramFormat.ONE_TO_ONE,
                startsOn,
                endsOn,
                MeetingCadence.BIWEEKLY,
                6,
                MatchingMode.ADMIN,
                3,
                LocalDate.of(2026, 11, 1),
                null,
                true,
                ProgramStatus.ENROLLING,
                agreement,
                goals,
                List.of());
    }
}
