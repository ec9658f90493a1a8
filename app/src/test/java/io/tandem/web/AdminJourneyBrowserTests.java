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
import io.tandem.people.PersonSummary;
import io.tandem.people.ProfileUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an admin and a mentee of the demo organisation do, in a real browser against the whole
 * application: sign in, import people, find them in the directory, follow a reporting line, edit a
 * profile and manage API tokens. Every page the journey reaches must pass axe-core's WCAG 2.1 AA
 * rules.
 *
 * <p>The demo organisation is shared with the other tests of the context, so the journey imports
 * people whose ids and names carry a random suffix, and puts the mentee's profile back afterwards.
 */
@TandemIntegrationTest
@Tag("browser")
class AdminJourneyBrowserTests {

    static final String ADMIN = "alex.morgan@northwind.example";
    static final String MENTOR = "priya.raman@northwind.example";
    static final String MENTEE = "sam.taylor@northwind.example";
    static final String PASSWORD = "tandem-demo";

    static final String HEADER =
            "employee_id,email,first_name,last_name,title,level,division,function,location,"
                    + "time_zone,work_mode,manager_employee_id,languages,skills,status\n";

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @TempDir Path files;

    private Page page;
    private OrganisationId demo;
    private PersonSummary menteeBefore;

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
    void openPage() {
        demo = identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        menteeBefore = people.findByEmail(demo, MENTEE).orElseThrow();
        page = browser.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closePageAndPutTheMenteeBack() {
        if (page != null) {
            browser.closePage(page);
        }
        PersonSummary sam = menteeBefore;
        people.updateProfile(
                demo,
                sam.id(),
                new ProfileUpdate(
                        sam.bio(),
                        sam.skills(),
                        sam.skillsWanted(),
                        sam.aspiredDivision(),
                        sam.aspiredLocation(),
                        sam.languages(),
                        sam.timeZone()));
    }

    @Test
    void adminImportsPeopleFindsThemFollowsTheReportingLineAndManagesTokens() throws IOException {
        String sfx = UUID.randomUUID().toString().substring(0, 8);
        String family = "Calloway" + sfx;
        String top = "Wren " + family;
        String middle = "Idris " + family;
        String bottom = "Maren " + family;
        String skill = "Falconry " + sfx;

        // 1. Sign in as the demo admin.
        signIn(ADMIN);
        assertThat(role(page, AriaRole.HEADING, heading("Welcome, Alex Morgan"))).isVisible();
        Browser.assertAccessible(page);

        // 2. Import people: first a file with a bad row, then the corrected one.
        role(page, AriaRole.LINK, link("Import people")).click();
        assertThat(page).hasTitle(Pattern.compile("Import people"));
        assertThat(role(page, AriaRole.HEADING, heading("Import people"))).isVisible();
        Browser.assertAccessible(page);

        String rows =
                row(sfx, 1, "Wren", family, "Chief of Falconry", "", "Java;Leadership")
                        + row(
                                sfx,
                                2,
                                "Idris",
                                family,
                                "Falconer",
                                "J" + sfx + "-1",
                                "Kotlin;" + skill)
                        + row(sfx, 3, "Maren", family, "Apprentice", "J" + sfx + "-2", "Kotlin");
        String bad =
                rows.replace(
                        "Europe/Berlin,REMOTE,J" + sfx + "-1", "Mars/Base,REMOTE,J" + sfx + "-1");
        upload("people-with-a-mistake.csv", HEADER + bad);

        Locator refusal = page.locator("#outcome");
        assertThat(role(refusal, AriaRole.HEADING, heading("Nothing was imported"))).isVisible();
        assertThat(refusal).containsText("people-with-a-mistake.csv");
        assertThat(refusal).containsText("1 problem to fix");
        Locator errorRow = refusal.locator("table tbody tr");
        assertThat(errorRow).hasCount(1);
        assertThat(errorRow.locator("td").nth(0)).hasText("3");
        assertThat(errorRow.locator("td").nth(1)).hasText("time_zone");
        assertThat(errorRow.locator("td").nth(2)).containsText("Mars/Base");
        Browser.assertAccessible(page);

        upload("people.csv", HEADER + rows);

        Locator summary = page.locator("#outcome");
        assertThat(role(summary, AriaRole.HEADING, heading("Imported people.csv"))).isVisible();
        assertThat(summary).containsText("3 created");
        assertThat(summary).containsText("0 updated");
        assertThat(summary.locator("table")).hasCount(0);
        Browser.assertAccessible(page);

        // 3. Find the new people in the directory, narrow by skill, open a profile.
        role(page, AriaRole.LINK, link("Directory")).click();
        assertThat(role(page, AriaRole.HEADING, heading("Directory"))).isVisible();
        Locator count = page.locator("#results .count");
        assertThat(count).hasText(Pattern.compile("\\d+ people"));
        Browser.assertAccessible(page);

        page.getByLabel("Name, e-mail or title").fill(family.toLowerCase());
        assertThat(count).hasText("3 people");
        Locator results = page.locator("#results table.people tbody tr");
        assertThat(results).hasCount(3);
        assertThat(role(results, AriaRole.LINK, link(middle))).isVisible();
        assertThat(page).hasURL(Pattern.compile("/people\\?.*q=" + family.toLowerCase()));
        Browser.assertAccessible(page);

        page.getByLabel("Skill").selectOption(skill);
        assertThat(count).hasText("1 person");
        assertThat(results).hasCount(1);
        assertThat(results.first()).containsText(middle);
        Browser.assertAccessible(page);

        role(results, AriaRole.LINK, link(middle)).click();

        // 4. The profile shows the reporting line both ways.
        assertThat(role(page, AriaRole.HEADING, heading(middle))).isVisible();
        Locator managers = role(page, AriaRole.LIST, list("Managers"));
        assertThat(role(managers, AriaRole.LINK, link(top))).isVisible();
        assertThat(role(page, AriaRole.HEADING, heading("Direct reports (1)"))).isVisible();
        assertThat(role(page.locator("ul.reports"), AriaRole.LINK, link(bottom))).isVisible();
        Browser.assertAccessible(page);

        // One level down, the line reads from the top of the organisation to the person.
        role(page.locator("ul.reports"), AriaRole.LINK, link(bottom)).click();
        assertThat(role(page, AriaRole.HEADING, heading(bottom))).isVisible();
        assertThat(managers.getByRole(AriaRole.LISTITEM))
                .containsText(new String[] {top, middle, bottom});
        assertThat(role(page, AriaRole.HEADING, heading("Direct reports (0)"))).isVisible();
        assertThat(page.getByText("No direct reports.")).isVisible();
        Browser.assertAccessible(page);

        // 5. The mentee edits their own profile.
        signOut();
        signIn(MENTEE);
        assertThat(role(page, AriaRole.HEADING, heading("Welcome, Sam Taylor"))).isVisible();
        Browser.assertAccessible(page);
        assertThat(role(page, AriaRole.LINK, link("Import people"))).hasCount(0);

        role(page, AriaRole.LINK, link("My profile")).click();
        assertThat(role(page, AriaRole.HEADING, heading("Sam Taylor"))).isVisible();
        Browser.assertAccessible(page);

        role(page, AriaRole.LINK, link("Edit your profile")).click();
        assertThat(role(page, AriaRole.HEADING, heading("Edit your profile"))).isVisible();
        Browser.assertAccessible(page);
        String bio = "Learning falconry on the side (" + sfx + ").";
        page.getByLabel("Bio").fill(bio);
        page.getByLabel("Wants to learn").fill("Kubernetes; Public speaking " + sfx);
        role(page, AriaRole.BUTTON, button("Save profile")).click();

        assertThat(role(page, AriaRole.HEADING, heading("Sam Taylor"))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your profile has been saved.");
        assertThat(page.locator(".bio")).hasText(bio);
        Locator wanted = page.locator("h3:text-is('Wants to learn') + p .tag");
        assertThat(wanted).hasText(new String[] {"Kubernetes", "Public speaking " + sfx});
        Browser.assertAccessible(page);

        // 6. The admin creates an API token, sees it once, and revokes it.
        signOut();
        signIn(ADMIN);
        role(page, AriaRole.LINK, link("API tokens")).click();
        assertThat(role(page, AriaRole.HEADING, heading("API tokens"))).isVisible();
        Browser.assertAccessible(page);

        String tokenName = "journey " + sfx;
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(tokenName);
        page.getByLabel("Role").selectOption("EMPLOYEE");
        role(page, AriaRole.BUTTON, button("Create token")).click();

        assertThat(page.getByRole(AriaRole.STATUS))
                .containsText("Token “" + tokenName + "” created.");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("shown only once");
        Locator secret = page.getByLabel("Token", new Page.GetByLabelOptions().setExact(true));
        assertThat(secret).hasValue(Pattern.compile("\\S{20,}"));
        Locator tokenRow = page.locator("table tbody tr", hasText(tokenName));
        assertThat(tokenRow).containsText("Active");
        assertThat(tokenRow).containsText("Employee");
        Browser.assertAccessible(page);

        page.reload();
        assertThat(role(page, AriaRole.HEADING, heading("API tokens"))).isVisible();
        assertThat(secret).hasCount(0);
        assertThat(tokenRow).containsText("Active");

        role(tokenRow, AriaRole.BUTTON, button("Revoke token " + tokenName)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("has been revoked");
        assertThat(tokenRow).containsText("Revoked");
        assertThat(tokenRow.getByRole(AriaRole.BUTTON)).hasCount(0);
        Browser.assertAccessible(page);
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(MENTOR);
        page.getByLabel("Password").fill("not-" + PASSWORD);
        role(page, AriaRole.BUTTON, button("Sign in")).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?error"));
        assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("That e-mail and password do not match an account.");
        assertThat(role(page, AriaRole.LINK, link("Directory"))).hasCount(0);
        Browser.assertAccessible(page);
    }

    private void signIn(String email) {
        page.navigate(url("/login"));
        assertThat(role(page, AriaRole.HEADING, heading("Sign in to Tandem"))).isVisible();
        Browser.assertAccessible(page);
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        role(page, AriaRole.BUTTON, button("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }

    private void signOut() {
        role(page, AriaRole.BUTTON, button("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");
        Browser.assertAccessible(page);
    }

    private void upload(String name, String csv) throws IOException {
        Path file = files.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        page.getByLabel("CSV file").setInputFiles(file);
        role(page, AriaRole.BUTTON, button("Import")).click();
    }

    private static String row(
            String sfx,
            int n,
            String first,
            String last,
            String title,
            String manager,
            String skills) {
        return String.join(
                        ",",
                        "J" + sfx + "-" + n,
                        first.toLowerCase() + "." + sfx + "@journey.example",
                        first,
                        last,
                        title,
                        String.valueOf(4 + n),
                        "Corporate",
                        "Operations",
                        "Berlin",
                        "Europe/Berlin",
                        "REMOTE",
                        manager,
                        "English;German",
                        skills,
                        "ACTIVE")
                + "\n";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** An accessible name, matched as a substring or exactly. */
    private record Name(String text, boolean exact) {}

    private static Name heading(String text) {
        return new Name(text, false);
    }

    private static Name list(String text) {
        return new Name(text, false);
    }

    private static Name link(String text) {
        return new Name(text, true);
    }

    private static Name button(String text) {
        return new Name(text, true);
    }

    private static Locator role(Page page, AriaRole role, Name name) {
        return page.getByRole(
                role, new Page.GetByRoleOptions().setName(name.text()).setExact(name.exact()));
    }

    private static Locator role(Locator scope, AriaRole role, Name name) {
        return scope.getByRole(
                role, new Locator.GetByRoleOptions().setName(name.text()).setExact(name.exact()));
    }

    private static Page.LocatorOptions hasText(String text) {
        return new Page.LocatorOptions().setHasText(text);
    }
}
