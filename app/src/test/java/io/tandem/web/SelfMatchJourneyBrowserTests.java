package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Self-match in the demo organisation: Sam finds a mentor in a program where mentees choose, asks
 * Priya, and Priya accepts; both then see the pair. axe-core checks every page reached.
 */
@TandemIntegrationTest
@Tag("browser")
class SelfMatchJourneyBrowserTests {

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired JdbcClient jdbc;

    private Page page;
    private ProgramView program;

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
    void selfMatchProgramWithSamAndPriya() {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        String name = "Choose your mentor " + UUID.randomUUID().toString().substring(0, 8);
        ProgramView created =
                programs.create(
                        demo,
                        new ProgramDraft(
                                name,
                                "CROSS_DIVISIONAL",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                MatchingMode.SELF,
                                2,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        program = programs.moveTo(demo, created.id(), ProgramStatus.ENROLLING);
        PersonId priya =
                people.findByEmail(demo, AdminJourneyBrowserTests.MENTOR).orElseThrow().id();
        PersonId sam = people.findByEmail(demo, AdminJourneyBrowserTests.MENTEE).orElseThrow().id();
        enrolling.enrol(demo, program.id(), Enrol.of(priya, EnrolmentRole.MENTOR));
        enrolling.enrol(demo, program.id(), Enrol.of(sam, EnrolmentRole.MENTEE));
        // The demo organisation is shared with other journeys and, on PostgreSQL, outlives a test
        // run. A pair published before would keep Priya off Sam's list for good ("never rematch a
        // past pair"), so this journey forgets any earlier pairing of the two.
        jdbc.sql(
                        "delete from published_pair where organisation_id = ? and mentee_id = ?"
                                + " and mentor_id = ?")
                .params(demo.value(), sam.value(), priya.value())
                .update();
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
    void aMenteeAsksARecommendedMentorAndTheMentorAccepts() {
        signIn(AdminJourneyBrowserTests.MENTEE);
        page.navigate(url("/programs/" + program.id()));
        assertThat(heading(program.name())).isVisible();
        Browser.assertAccessible(page);
        link("Find a mentor").click();

        assertThat(heading("Find a mentor in " + program.name())).isVisible();
        Locator priya =
                page.getByRole(
                        AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Priya Raman"));
        assertThat(priya.locator("meter").first()).isVisible();
        assertThat(priya).containsText("Places left");
        Browser.assertAccessible(page);
        priya.getByLabel("Your message to Priya Raman")
                .fill("I would like to see how Digital Services builds products.");
        priya.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Ask Priya Raman to mentor you"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("Your request has been sent to Priya Raman");
        assertThat(priya).containsText("Request sent");
        Browser.assertAccessible(page);
        signOut();

        signIn(AdminJourneyBrowserTests.MENTOR);
        link("Requests").click();
        assertThat(heading("Mentoring requests")).isVisible();
        Locator request =
                page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Sam Taylor"))
                        .filter(new Locator.FilterOptions().setHasText(program.name()));
        assertThat(request).containsText("I would like to see how Digital Services");
        Browser.assertAccessible(page);
        request.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Accept Sam Taylor"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("You now mentor Sam Taylor");
        Browser.assertAccessible(page);

        // The mentorship starts when the mentorships module hears of the pair, a moment later.
        Locator pair =
                page.locator("#mentees-heading + ul li")
                        .filter(new Locator.FilterOptions().setHasText(program.name()));
        for (int attempt = 0; attempt < 30; attempt++) {
            link("My mentorships").click();
            if (pair.count() > 0) {
                break;
            }
            page.waitForTimeout(500);
        }
        assertThat(pair).containsText("Sam Taylor");
        Browser.assertAccessible(page);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    private Locator link(String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void signIn(String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(AdminJourneyBrowserTests.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }

    private void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout"));
    }
}
