package io.tandem.programs.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestMessages;
import io.tandem.programs.Criterion;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.MeetingCadence;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOverview;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RuleKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * A program page's head, rules, figures, enrolment filter and column heads, written without the
 * template.
 */
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

    @Test
    void theHeadNamesTheProgramEscapedAndOffersAManagerItsNextSteps() {
        ProgramView program = named("R&D <team>", ProgramStatus.ENROLLING);
        String base = "/app/programs/" + program.id().value();

        String top = html.top(program, true, true, "/app", TOKEN, Locale.ENGLISH);

        assertThat(top)
                .startsWith("<div class=\"profile-head\"><div><h1>R&amp;D &lt;team&gt;</h1>")
                .contains("<span class=\"badge status-enrolling\">Enrolling</span>")
                .contains("<span>Custom · One to one · Program manager matches</span>")
                .contains("<a class=\"button\" href=\"" + base + "/enrol\">Enrol</a>")
                .contains(
                        "<form action=\""
                                + base
                                + "/status\" method=\"post\" class=\"inline\"><input"
                                + " type=\"hidden\" name=\"_csrf\" value=\"token-1\"><input"
                                + " type=\"hidden\" name=\"status\" value=\"MATCHING\"><button"
                                + " type=\"submit\" class=\"secondary\">Close enrolment and"
                                + " match</button></form>")
                .contains(
                        "value=\"DRAFT\"><button type=\"submit\" class=\"secondary\">Back to draft")
                .contains(
                        "<a class=\"button secondary\" href=\""
                                + base
                                + "/close\">Close the program</a>")
                .doesNotContain("<team>")
                .doesNotContain("??");
    }

    @Test
    void someoneWhoMayNotEnrolNorManageSeesOnlyTheNameAndStatus() {
        String top =
                html.top(
                        named("Peers", ProgramStatus.ACTIVE),
                        false,
                        false,
                        "",
                        TOKEN,
                        Locale.ENGLISH);

        assertThat(top)
                .contains("<span class=\"badge status-active\">Active</span>")
                .doesNotContain("<a ")
                .doesNotContain("<form")
                .endsWith("<div class=\"actions\"></div></div>");
    }

    @Test
    void theRulesSayEachStatementEscapedTheLowestScoreAndTheLinkToChangeThem() {
        MatchingRule rule = new MatchingRule(Criterion.DIVISION, RuleKind.DIFFERENT, true, 0, null);
        ProgramView program = withRules(named("Peers", ProgramStatus.ENROLLING), List.of(rule));
        Map<MatchingRule, String> statements = Map.of(rule, "Different <division> & more");

        String rules = html.rules(program, statements, true, "/app", Locale.ENGLISH);

        assertThat(rules)
                .startsWith("<h2 id=\"rules-heading\">How people are matched</h2>")
                .contains("<ul class=\"rules\"><li>Different &lt;division&gt; &amp; more</li></ul>")
                .contains(
                        "<p class=\"muted\">Pairs scoring below 20 % of the best possible score"
                                + " are never proposed.</p>")
                .contains(
                        "<p><a href=\"/app/programs/"
                                + program.id().value()
                                + "/rules\">Change the rules</a></p>");
        assertThat(html.rules(program, statements, false, "/app", Locale.ENGLISH))
                .doesNotContain("<a ");
        ProgramView active = withRules(named("Peers", ProgramStatus.ACTIVE), List.of(rule));
        assertThat(html.rules(active, statements, true, "/app", Locale.ENGLISH))
                .doesNotContain("<a ");
    }

    private static final CsrfToken TOKEN = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1");

    private static ProgramView named(String name, ProgramStatus status) {
        return with(program(null, null, null, List.of()), name, status, List.of());
    }

    private static ProgramView withRules(ProgramView p, List<MatchingRule> rules) {
        return with(p, p.name(), p.status(), rules);
    }

    /** The program with another name, status and rules. */
    private static ProgramView with(
            ProgramView p, String name, ProgramStatus status, List<MatchingRule> rules) {
        return new ProgramView(
                p.id(),
                name,
                p.description(),
                p.template(),
                p.format(),
                p.startsOn(),
                p.endsOn(),
                p.meetingCadence(),
                p.relationshipMonths(),
                p.matchingMode(),
                p.defaultCapacity(),
                p.enrolmentOpensOn(),
                p.enrolmentClosesOn(),
                p.approvalRequired(),
                status,
                p.agreementText(),
                p.suggestedGoals(),
                rules,
                p.minimumScore());
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
