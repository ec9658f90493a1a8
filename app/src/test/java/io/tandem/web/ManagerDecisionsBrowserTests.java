package io.tandem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A program manager with 120 people waiting for approval: pages through them, approves two by
 * hand-picked ticks and the rest by filter, then publishes the matched pairs after the question
 * that says what publishing does. At desktop and phone width, axe-core checking every page.
 */
@TandemIntegrationTest
@Tag("browser")
class ManagerDecisionsBrowserTests extends BrowserJourney {

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void managerApprovesManyAtOnceAndConfirmsBeforePublishing(int width) {
        page.setViewportSize(width, 900);
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId org = identity.ensureOrganisation("bulk-" + run, "Bulk " + run);
        String admin = "hr-" + run + "@bulk.example";
        identity.ensureAccount(org, admin, "Hana Reyes", PASSWORD, Role.ADMIN);
        ProgramView program = programWithPendingEnrolments(org, 40, 80);

        signIn(admin);
        page.navigate(url("/programs/" + program.id()));
        assertThat(page.getByText("Showing 1–50 of 120")).isVisible();
        accessibleAndNoSidewaysScroll();

        page.locator("input[name=enrolment]").nth(0).check();
        page.locator("input[name=enrolment]").nth(1).check();
        button("Approve selected").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Approved 2.");
        assertThat(page.getByText("Approve all 118 pending")).isVisible();

        filter("Role").selectOption("MENTOR");
        filter("Status").selectOption("PENDING");
        button("Show").click();
        assertThat(page).hasURL(Pattern.compile("role=MENTOR"));
        int mentorsPending = 40; // the table lists mentees first: the two ticked were mentees
        button("Approve all " + mentorsPending + " pending").click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("Approved " + mentorsPending + ".");
        assertThat(filter("Role")).hasValue("MENTOR");
        accessibleAndNoSidewaysScroll();

        filter("Role").selectOption("");
        filter("Status").selectOption("");
        button("Show").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
        assertThat(page.getByText("Showing 51–100 of 120")).isVisible();
        button(Pattern.compile("^Approve all \\d+ pending$")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Approved ");
        assertThat(page.getByText(Pattern.compile("Approve all"))).hasCount(0);
        accessibleAndNoSidewaysScroll();

        page.navigate(url("/programs/" + program.id() + "/matching"));
        button("Match").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Result")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publish these pairs"))
                .click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName(Pattern.compile("^Publish \\d+ pairs\\?$"))))
                .isVisible();
        assertThat(page.getByText("cannot be taken back", new Page.GetByTextOptions())).isVisible();
        accessibleAndNoSidewaysScroll();
        button(Pattern.compile("^Publish \\d+ pairs$")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first())
                .containsText("The pairs have been published");
        accessibleAndNoSidewaysScroll();
    }

    private ProgramView programWithPendingEnrolments(
            OrganisationId org, int mentorCount, int menteeCount) {
        String[] divisions = {"Retail", "Digital", "Energy", "Health"};
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,level,division,function,location,"
                                + "time_zone,work_mode,languages,skills,status\n");
        int count = mentorCount + menteeCount;
        for (int i = 0; i < count; i++) {
            csv.append(
                    "B%04d,b%04d@bulk.example,Bea,Number%04d,%d,%s,Sales,Berlin,Europe/Berlin,REMOTE,English,Coaching;Sales,ACTIVE\n"
                            .formatted(i, i, i, i < mentorCount ? 6 : 3, divisions[i % 4]));
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        List<PersonSummary> everyone =
                people.search(
                                org,
                                DirectoryQuery.all(),
                                io.tandem.shared.PageQuery.of(
                                        0, io.tandem.shared.PageQuery.MAX_SIZE))
                        .items();
        ProgramView program =
                programs.create(
                        org,
                        new ProgramDraft(
                                "Approvals " + org.value().toString().substring(0, 6),
                                "CROSS_DIVISIONAL",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null,
                                null));
        programs.moveTo(org, program.id(), ProgramStatus.ENROLLING);
        for (PersonSummary p : everyone) {
            boolean mentor = p.level() == 6;
            enrolling.enrol(
                    org,
                    program.id(),
                    new Enrol(
                            p.id(),
                            null,
                            mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
                            mentor ? 2 : null,
                            null,
                            mentor ? null : List.of("Coaching"),
                            mentor ? List.of("Coaching") : null,
                            null,
                            null,
                            null,
                            null,
                            null));
        }
        return program;
    }

    private com.microsoft.playwright.Locator filter(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private com.microsoft.playwright.Locator button(Pattern name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private void accessibleAndNoSidewaysScroll() {
        Browser.assertAccessible(page);
        Object overflow =
                page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("sideways scroll on %s", page.url())
                .isLessThanOrEqualTo(0);
    }
}
