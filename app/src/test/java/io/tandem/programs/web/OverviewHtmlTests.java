package io.tandem.programs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOverview;
import java.util.LinkedHashMap;
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
}
