package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The program manager's matching moment: run, watch, review with reasons, lock a pair, re-run
 * keeping it, and publish. axe-core checks every page reached.
 */
@TandemIntegrationTest
@Tag("browser")
class MatchingJourneyBrowserTests extends BrowserJourney {

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;

    @Test
    void managerRunsReviewsLocksRerunsAndPublishes() {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        String name = "Cross-division pilot " + UUID.randomUUID().toString().substring(0, 8);
        ProgramView program = programs.create(demo, ProgramDraft.of(name, "CROSS_DIVISIONAL"));
        List<PersonSummary> engineers =
                people.search(
                                demo,
                                new DirectoryQuery(
                                        null, null, "Engineering", null, null, null, null),
                                PageQuery.of(0, 12))
                        .items();
        List<PersonSummary> sellers =
                people.search(
                                demo,
                                new DirectoryQuery(null, null, "Sales", null, null, null, null),
                                PageQuery.of(0, 8))
                        .items();
        engineers.stream()
                .filter(p -> p.level() >= 4)
                .limit(4)
                .forEach(
                        p ->
                                enrolling.enrol(
                                        demo,
                                        program.id(),
                                        new Enrol(
                                                p.id(),
                                                null,
                                                EnrolmentRole.MENTOR,
                                                1,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null)));
        sellers.stream()
                .filter(p -> p.level() < 6)
                .limit(6)
                .forEach(
                        p ->
                                enrolling.enrol(
                                        demo,
                                        program.id(),
                                        new Enrol(
                                                p.id(),
                                                null,
                                                EnrolmentRole.MENTEE,
                                                null,
                                                null,
                                                List.of("Python", "Cloud architecture"),
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null)));

        signIn(ADMIN);
        page.navigate(url("/programs/" + program.id()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Match this program"))
                .click();
        assertThat(page.getByText("No runs yet")).isVisible();
        Browser.assertAccessible(page);

        page.getByLabel("Aim").selectOption("PARTICIPATION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Match").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Result")))
                .isVisible();
        assertThat(page.getByText(Pattern.compile("\\d of \\d+ mentees"))).isVisible();
        Browser.assertAccessible(page);

        // Pairing by hand offers a page of each side; a search (a plain GET) finds the one wanted.
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Pair a mentee by hand")))
                .isVisible();
        String leftOver = page.locator("#assign-mentee option").first().textContent();
        page.getByLabel("Find a mentee without a mentor, by name or e-mail").fill(leftOver);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find").setExact(true))
                .click();
        assertThat(page.getByLabel("Find a mentee without a mentor, by name or e-mail"))
                .hasValue(leftOver);
        assertThat(page.locator("#assign-mentee")).containsText(leftOver);
        Browser.assertAccessible(page);

        Locator firstPair = page.locator("table.pairs tbody tr").first();
        String mentee = firstPair.locator("td").first().locator("a").textContent();
        firstPair
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Lock the pair of " + mentee))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The pair is locked");

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Re-run, keeping locked pairs"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Result")))
                .isVisible();
        Locator kept =
                page.locator("table.pairs tbody tr", new Page.LocatorOptions().setHasText(mentee));
        assertThat(kept).containsText("locked");
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publish these pairs"))
                .click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName(
                                                Pattern.compile(
                                                        "^Publish (\\d+ pairs|one pair)\\?$"))))
                .isVisible();
        Browser.assertAccessible(page);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName(Pattern.compile("^Publish (\\d+ pairs|one pair)$")))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("The pairs have been published");
        assertThat(
                        page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions().setName("Publish these pairs")))
                .hasCount(0);
        Browser.assertAccessible(page);
    }
}
