package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tandem.web.MessagingJourneyBrowserTests.checkBothWidths;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestPairs;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sam answers a check-in and the mid-point survey; a program manager then reads the program's
 * dashboard, filters the pairs by health, nudges one, opens the knowledge-flow map and its cell,
 * the printable report and the CSV downloads; the admin compares programs side by side. axe-core
 * checks every page at desktop and phone widths.
 */
@TandemIntegrationTest
@Tag("browser")
class EngagementJourneyBrowserTests {

    static final String MANAGER = "pat.manager@northwind.example";
    static final String SECRET_BLOCKER = "My calendar is double-booked every Tuesday";

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;

    private ProgramView program;
    private MentorshipId pair;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void samAndPriyaArePaired() {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        identity.ensureAccount(demo, MANAGER, "Pat Manager", BrowserJourney.PASSWORD, Role.ADMIN);
        String name = "Engagement journey " + UUID.randomUUID().toString().substring(0, 8);
        program = programs.create(demo, ProgramDraft.of(name, "CROSS_DIVISIONAL"));
        PersonId priyaId = people.findByEmail(demo, BrowserJourney.MENTOR).orElseThrow().id();
        PersonId samId = people.findByEmail(demo, BrowserJourney.MENTEE).orElseThrow().id();
        pair =
                TestPairs.start(
                        programs, enrolling, mentorships, demo, program.id(), samId, priyaId, 70);
        page = browser.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            browser.closePage(page);
        }
    }

    @Test
    void aMenteeChecksInAndTheProgramTeamReadsWhatCameOfIt() throws IOException {
        // Sam finds the check-in in the workspace; a blank answer names what is missing.
        signIn(BrowserJourney.MENTEE);
        page.navigate(url("/mentorships/" + pair));
        link("Answer now (a minute)").click();
        assertThat(heading("Your check-in")).isVisible();
        checkBothWidths(page);
        button("Send my answers").click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("fix the questions");
        assertThat(page.locator("#met-error")).isVisible();
        checkBothWidths(page);
        page.getByLabel("Yes", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("input[name=usefulness][value='4']").check();
        page.locator("input[name=goalProgress][value='3']").check();
        page.getByLabel("Anything blocking you? (optional)").fill(SECRET_BLOCKER);
        page.getByLabel("Share this with the program team").check();
        button("Send my answers").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("your answers are saved");
        assertThat(page.locator("main")).containsText("You have answered this one");
        checkBothWidths(page);

        // The mid-point survey asks the outcome questions.
        page.navigate(url("/mentorships/" + pair + "/check-in?kind=MIDPOINT"));
        assertThat(heading("Mid-point survey")).isVisible();
        checkBothWidths(page);
        page.locator("input[name=awareness][value='5']").check();
        page.locator("input[name=connection][value='4']").check();
        page.locator("input[name=ideas][value='3']").check();
        button("Send my answers").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("your answers are saved");
        signOut();

        // The program manager goes from the program to its dashboard.
        signIn(MANAGER);
        page.navigate(url("/programs/" + program.id()));
        link("Dashboard").click();
        assertThat(heading("Dashboard of " + program.name())).isVisible();
        // Charts are drawn beside their tables, and one answer is too few to show.
        assertThat(page.locator("figure.chart canvas").first()).isVisible();
        assertThat(page.locator("#answers-heading + p + .table-wrap"))
                .containsText("too few answers");
        checkBothWidths(page);

        // Exports: each download is a CSV with its header and the pair, never Sam's words.
        String pairsCsv = download("Pairs (CSV)");
        assertThat(pairsCsv).contains("Priya Raman").contains("Sam Taylor");
        String aggregates = download("Check-in and survey results (CSV)");
        assertThat(aggregates).isNotBlank().doesNotContain(SECRET_BLOCKER);
        assertThat(download("Participants (CSV)")).contains("Sam Taylor");
        assertThat(
                        downloadFrom(
                                page.locator("section[aria-labelledby=funnel-heading]")
                                        .getByRole(
                                                AriaRole.LINK,
                                                new Locator.GetByRoleOptions()
                                                        .setName(
                                                                "Download this chart’s figures (CSV)"))))
                .contains("funnel");

        // The printable report: tables only.
        link("Printable report").click();
        assertThat(heading("Program report: " + program.name())).isVisible();
        assertThat(page.locator("canvas")).hasCount(0);
        checkBothWidths(page);

        // Pairs by health: filter, read the shared blocker, nudge the pair.
        page.navigate(url("/programs/" + program.id() + "/dashboard"));
        link("At-risk pairs").click();
        assertThat(heading("Which pairs of " + program.name() + " need help")).isVisible();
        checkBothWidths(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(java.util.regex.Pattern.compile("^All \\(")))
                .click();
        Locator row =
                page.locator("table.pairs tbody tr")
                        .filter(new Locator.FilterOptions().setHasText("Priya Raman"));
        assertThat(row).hasCount(1);
        assertThat(page.locator("section[aria-labelledby=shared-heading]"))
                .containsText(SECRET_BLOCKER);
        row.locator("summary").click();
        checkBothWidths(page);
        row.getByLabel("Message to both").fill("Hello both, how about a meeting this week?");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send nudge"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Nudge sent");

        // The knowledge-flow map and one of its cells.
        link("Knowledge-flow map").click();
        assertThat(page.locator("table.heatmap")).isVisible();
        checkBothWidths(page);
        page.locator("table.heatmap a").first().click();
        assertThat(page.locator("#cell")).containsText("Priya Raman");
        assertThat(page.locator("#cell")).containsText("Sam Taylor");
        checkBothWidths(page);
        link("By location").click();
        assertThat(page.locator("table.heatmap")).isVisible();
        checkBothWidths(page);
        signOut();

        // The admin finds the organisation-wide view in the menu: programs side by side.
        signIn(BrowserJourney.ADMIN);
        page.locator(".nav-wide")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Engagement"))
                .click();
        assertThat(heading("Engagement across the organisation")).isVisible();
        assertThat(page.locator("main table")).containsText(program.name());
        checkBothWidths(page);
    }

    private String download(String linkName) throws IOException {
        return downloadFrom(link(linkName));
    }

    private String downloadFrom(Locator link) throws IOException {
        Download download = page.waitForDownload(link::click);
        assertThat(download.suggestedFilename()).endsWith(".csv");
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    private Locator link(String name) {
        return page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private Locator button(String name) {
        return page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private void signIn(String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(BrowserJourney.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }

    private void signOut() {
        page.setViewportSize(1400, 900);
        page.locator(".nav-wide")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/login\\?logout"));
    }
}
