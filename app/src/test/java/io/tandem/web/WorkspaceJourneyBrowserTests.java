package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestPairs;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
 * Sam (mentee) and Priya (mentor) run a whole mentorship in two browsers at once: agreement,
 * signatures, a goal with two milestones, an action item, the end and both closure surveys.
 * axe-core checks every workspace page at desktop and phone widths.
 */
@TandemIntegrationTest
@Tag("browser")
class WorkspaceJourneyBrowserTests {

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;

    private Page sam;
    private Page priya;
    private MentorshipId pair;

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
        String name = "Workspace journey " + UUID.randomUUID().toString().substring(0, 8);
        ProgramView program = programs.create(demo, ProgramDraft.of(name, "CROSS_DIVISIONAL"));
        PersonId priyaId =
                people.findByEmail(demo, AdminJourneyBrowserTests.MENTOR).orElseThrow().id();
        PersonId samId =
                people.findByEmail(demo, AdminJourneyBrowserTests.MENTEE).orElseThrow().id();
        pair =
                TestPairs.start(
                        programs, enrolling, mentorships, demo, program.id(), samId, priyaId, 70);
        sam = browser.newPage();
        priya = browser.newPage();
        sam.setDefaultTimeout(15_000);
        priya.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePages() {
        for (Page page : new Page[] {sam, priya}) {
            if (page != null) {
                browser.closePage(page);
            }
        }
    }

    @Test
    void aPairRunsTheirMentorshipFromAgreementToClosureSurvey() {
        signIn(sam, AdminJourneyBrowserTests.MENTEE);
        signIn(priya, AdminJourneyBrowserTests.MENTOR);
        String workspace = "/mentorships/" + pair;

        // Sam finds the workspace from "My mentorships" and drafts the agreement.
        sam.navigate(url("/mentorships"));
        sam.locator("a[href='" + workspace + "']").first().click();
        assertThat(heading(sam, "Mentorship with Priya Raman")).isVisible();
        assertThat(sam.locator(".partner")).containsText("Their time now");
        checkBothWidths(sam);
        link(sam, "Write the agreement").click();
        checkBothWidths(sam);
        sam.getByLabel("What we want from this mentorship")
                .fill("See how Digital builds products.");
        sam.getByLabel("How often and how we meet").fill("Every two weeks, 45 minutes, by video.");
        sam.getByLabel("Confidentiality").fill("What we say stays between us.");
        sam.getByLabel("How long it lasts").fill("Six months.");
        button(sam, "Save the agreement").click();
        assertThat(sam.getByRole(AriaRole.STATUS).first()).containsText("Agreement saved");

        // Priya signs first, then Sam.
        priya.navigate(url(workspace));
        assertThat(heading(priya, "Mentorship with Sam Taylor")).isVisible();
        button(priya, "Sign the agreement").click();
        assertThat(priya.locator("#agreement")).containsText("Mentor signed on");
        sam.reload();
        button(sam, "Sign the agreement").click();
        assertThat(sam.locator("#agreement")).containsText("Signed by both of you");

        // Sam sets a goal with two milestones and records progress.
        LocalDate target = LocalDate.now(ZoneOffset.UTC).plusMonths(3);
        sam.locator("#goals summary").click();
        sam.getByLabel("What, specifically").fill("Present a product idea to Digital");
        sam.getByLabel("How progress is measured").fill("A 10-minute pitch, given");
        sam.locator("#goal-target").fill(target.toString());
        button(sam, "Add a goal").click();
        link(sam, "Present a product idea to Digital").click();
        checkBothWidths(sam);
        for (String milestone : List.of("Outline the idea", "Rehearse with Priya")) {
            sam.getByLabel("New milestone").fill(milestone);
            sam.getByLabel("Due").fill(target.minusMonths(1).toString());
            button(sam, "Add the milestone").click();
            assertThat(sam.locator(".milestones")).containsText(milestone);
        }
        sam.getByLabel("Progress (0–100 %)").fill("50");
        sam.getByLabel("What happened").fill("Outline written and sent to Priya.");
        button(sam, "Save progress").click();
        button(sam, "Mark met: Outline the idea").click();
        assertThat(sam.locator("#goal-progress")).hasAttribute("value", "50");
        assertThat(sam.locator(".timeline")).containsText("Outline written and sent to Priya.");
        checkBothWidths(sam);

        // Priya assigns Sam an action item; Sam ticks it off.
        priya.navigate(url(workspace));
        assertThat(priya.locator("#goals")).containsText("Present a product idea to Digital");
        // The workspace shows the goal as one line: progress and milestones counted.
        assertThat(priya.locator("#goals")).containsText("50 % done");
        assertThat(priya.locator("#goals")).containsText("1 of 2 milestones met");
        priya.getByLabel("New action item").fill("Send the pitch deck");
        priya.getByLabel("For", new Page.GetByLabelOptions().setExact(true))
                .selectOption(
                        new com.microsoft.playwright.options.SelectOption().setLabel("Sam Taylor"));
        button(priya, "Add the action item").click();
        assertThat(priya.locator(".actions-list")).containsText("for Sam");
        sam.navigate(url(workspace));
        assertThat(sam.locator(".actions-list")).containsText("for you");
        button(sam, "Done: Send the pitch deck").click();
        assertThat(sam.locator("#timeline")).containsText("done “Send the pitch deck”");
        assertThat(sam.locator("#timeline")).containsText("met the milestone “Outline the idea”");
        checkBothWidths(sam);

        // Sam ends the mentorship; both answer the closure survey.
        link(sam, "End the mentorship").click();
        checkBothWidths(sam);
        sam.getByLabel("Goals met").check();
        button(sam, "End the mentorship").click();
        assertThat(heading(sam, "How did your mentorship with Priya Raman go?")).isVisible();
        checkBothWidths(sam);
        answerSurvey(sam, "A pitch given to Digital's leads.");
        assertThat(sam.getByRole(AriaRole.STATUS).first()).containsText("your answers are saved");
        assertThat(sam.locator(".summary")).containsText("Completed");

        priya.navigate(url(workspace));
        assertThat(priya.locator(".summary")).containsText("Ended");
        link(priya, "Answer the closure survey").click();
        answerSurvey(priya, "Sam found a way into Digital.");
        assertThat(priya.locator(".partner")).containsText("You have answered the closure survey");
        assertThat(priya.locator("body")).not().containsText("A pitch given to Digital's leads.");
        checkBothWidths(priya);
    }

    private void answerSurvey(Page page, String achieved) {
        page.getByLabel("What did you achieve?").fill(achieved);
        page.locator("input[name=partnershipRating][value='4']").check();
        page.locator("input[name=partnerRating][value='5']").check();
        page.getByLabel("Yes").check();
        button(page, "Send my answers").click();
    }

    /** axe-core at a desktop width, then at a phone width, then back. */
    private static void checkBothWidths(Page page) {
        page.setViewportSize(1400, 900);
        Browser.assertAccessible(page);
        page.setViewportSize(390, 844);
        Browser.assertAccessible(page);
        page.setViewportSize(1400, 900);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(AdminJourneyBrowserTests.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }
}
