package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A program manager ends a pair's mentorship from the program's mentorships page: first in a
 * browser with JavaScript switched off (the confirmation is a plain form), then the same pages are
 * checked with axe-core, at desktop and at phone width.
 */
@TandemIntegrationTest
@Tag("browser")
class ManagerEndsMentorshipBrowserTests extends BrowserJourney {

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired io.tandem.programs.ProgramAccess access;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void aProgramManagerEndsAMentorshipWithoutJavaScript(int width) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId org = identity.ensureOrganisation("end-" + run, "End " + run);
        String manager = "pm-" + run + "@end.example";
        identity.ensureAccount(org, manager, "Rosa Diaz", PASSWORD, Role.PROGRAM_MANAGER);
        people.importCsv(
                org,
                ("employee_id,email,first_name,last_name,title,level,division,function,location,"
                                + "time_zone,work_mode,languages,skills\n"
                                + "M1,mira-"
                                + run
                                + "@end.example,Mira,Stone,Lead,7,Digital,Engineering,Berlin,"
                                + "Europe/Berlin,HOME_OFFICE,English,Java\n"
                                + "E1,eli-"
                                + run
                                + "@end.example,Eli,Brook,Rep,3,Retail,Sales,London,"
                                + "Europe/London,HOME_OFFICE,English,Excel\n"
                                + "P1,pm-"
                                + run
                                + "@end.example,Rosa,Diaz,HR partner,6,Corp,HR,London,"
                                + "Europe/London,HOME_OFFICE,English,Coaching\n"
                                + "E2,ada-"
                                + run
                                + "@end.example,Ada,Lake,Rep,3,Retail,Sales,London,"
                                + "Europe/London,HOME_OFFICE,English,Excel\n")
                        .getBytes(StandardCharsets.UTF_8));
        ProgramView program =
                programs.create(org, ProgramDraft.of("Ending well", "CROSS_DIVISIONAL"));
        // Rosa manages this program: a program manager manages only the programs assigned.
        access.assign(org, program.id(), id(org, "P1"));
        MentorshipId pair =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org,
                        program.id(),
                        id(org, "E1"),
                        id(org, "M1"),
                        60);

        Page noScript = otherPage(false);
        noScript.setViewportSize(width, 900);
        signIn(noScript, manager);
        noScript.navigate(url("/programs/" + program.id()));
        link(noScript, "Mentorships").click();
        assertThat(noScript.locator("main table")).containsText("Mira Stone");
        noScript.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("End the mentorship of Mira Stone and Eli Brook"))
                .click();
        assertThat(heading(noScript, "End the mentorship of Mira Stone and Eli Brook?"))
                .isVisible();
        noScript.getByLabel("Not a good fit").check();
        button(noScript, "End this mentorship").click();
        assertThat(noScript.getByRole(AriaRole.STATUS).first())
                .containsText("The mentorship of Mira Stone and Eli Brook has ended");
        assertThat(noScript.locator("main table")).containsText("Ended on");
        Assertions.assertThat(workspaces.details(org, pair).status())
                .isEqualTo(MentorshipStatus.ENDED);

        // The same pages, with scripts on, pass axe-core.
        MentorshipId second =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org,
                        program.id(),
                        id(org, "E2"),
                        id(org, "M1"),
                        60);
        page.setViewportSize(width, 900);
        signIn(manager);
        page.navigate(url("/programs/" + program.id() + "/mentorships"));
        Browser.assertAccessible(page);
        page.navigate(url("/programs/" + program.id() + "/mentorships/" + second + "/end"));
        Browser.assertAccessible(page);
        button(page, "End this mentorship").click();
        // The browser itself asks for a reason: nothing is sent, nothing ends.
        assertThat(heading(page, "End the mentorship of Mira Stone and Ada Lake?")).isVisible();
        Assertions.assertThat(workspaces.details(org, second).status())
                .isEqualTo(MentorshipStatus.ACTIVE);
    }

    private PersonId id(OrganisationId org, String employeeId) {
        return TestPeople.id(people, org, employeeId);
    }

    private static Locator heading(Page on, String name) {
        return on.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator link(Page on, String name) {
        return on.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }

    private static Locator button(Page on, String name) {
        return on.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
                .first();
    }
}
