package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A program manager builds a program from a template, opens enrolment and invites a segment of the
 * demo organisation; a mentee then enrols through the page. axe-core checks every page reached.
 */
@TandemIntegrationTest
@Tag("browser")
class ProgramJourneyBrowserTests extends BrowserJourney {

    @Test
    void managerBuildsAProgramFromATemplateInvitesASegmentAndAMenteeEnrols() {
        String name = "Across divisions " + UUID.randomUUID().toString().substring(0, 8);

        signIn(ADMIN);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Programs").setExact(true))
                .click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Programs")))
                .isVisible();
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New program")).click();
        assertThat(page.getByText("Always: mentor and mentee work in different divisions.").first())
                .isVisible();
        Browser.assertAccessible(page);
        page.getByLabel("Cross-divisional").check();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Mentees per mentor (default)").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create program"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created as a draft");
        assertThat(page.locator(".rules").first())
                .containsText(
                        "Always: mentors are never in the mentee's reporting line, up or down.");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open enrolment"))
                .click();
        assertThat(page.locator(".badge").first()).hasText("Enrolling");
        page.getByLabel("As", new Page.GetByLabelOptions().setExact(true)).selectOption("MENTOR");
        page.locator("#invite-division").selectOption("Digital Services");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitations"))
                .click();
        // A division of more than 50 people is previewed before anything is sent.
        var confirm =
                page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName(Pattern.compile("^Send \\d+ invitations$")));
        assertThat(page.getByRole(AriaRole.STATUS).first().or(confirm).first()).isVisible();
        if (confirm.count() > 0) {
            Browser.assertAccessible(page);
            confirm.click();
        }
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText(Pattern.compile("\\d+ people were invited"));
        assertThat(page.locator("#enrolments")).containsText("Priya Raman");
        assertThat(page.locator("#enrolments")).containsText("Invited, not answered");
        Browser.assertAccessible(page);
        signOut();

        signIn(MENTEE);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Programs").setExact(true))
                .click();
        page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(name))
                .getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enrol"))
                .click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Enrol in " + name)))
                .isVisible();
        Browser.assertAccessible(page);
        page.getByLabel("a mentee").check();
        page.getByLabel("What do you want to get out of this program?")
                .fill("See how Digital Services builds products");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol").setExact(true))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("You are enrolled.");
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Your enrolment")))
                .isVisible();
        Browser.assertAccessible(page);
    }
}
