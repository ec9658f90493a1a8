package io.tandem.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.matching.RequestView;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The home page tells each person what needs them now, by role, with an empty state each. */
@TandemIntegrationTest
class HomePageIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired ProgramInvitations invitations;
    @Autowired SelfMatchManagement selfMatch;
    @Autowired MentorshipManagement mentorships;

    private TestOrganisation org;

    @BeforeEach
    void organisation() {
        org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division,languages\n"
                                + "M1,mia@home.test,Mia,Mentor,Energy,English\n"
                                + "T1,tom@home.test,Tom,Mentee,Healthcare,English\n"
                                + "N1,nia@home.test,Nia,New,Healthcare,English\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewEmployeeSeesAHelpfulEmptyStateInEverySection() {
        assertThat(mvc.get().uri("/").with(as("nia@home.test", Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .contains("Nothing waits for you right now")
                .contains("No mentorship yet")
                .contains("No program takes enrolments right now")
                .doesNotContain("Your programs at a glance");
    }

    @Test
    void anInvitedEmployeeCanAnswerFromHomeAndSeesProgramsToJoin() {
        ProgramView invited = enrolling("Cross-division 2027", MatchingMode.ADMIN);
        ProgramView open = enrolling("Open to all", MatchingMode.ADMIN);
        invitations.inviteEmails(
                org.id(), invited.id(), List.of("nia@home.test"), EnrolmentRole.MENTEE);

        assertThat(mvc.get().uri("/").with(as("nia@home.test", Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .contains("Invitations to answer (1)")
                .contains("Cross-division 2027", "invites you to take part as a mentee")
                .contains("Accept and enrol", "Decline the invitation")
                .contains("Programs you can join", "Open to all")
                .doesNotContain("Nothing waits for you right now");
        assertThat(mvc.get().uri("/").with(as("nia@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("/programs/" + invited.id() + "/enrol");
    }

    @Test
    void aMentorSeesRequestsToAnswerAndThenTheMentorshipWithTheMentee() {
        ProgramView program = enrolling("Choose your mentor", MatchingMode.SELF);
        PersonId mia = person("mia@home.test");
        PersonId tom = person("tom@home.test");
        enrolling.enrol(org.id(), program.id(), Enrol.of(mia, EnrolmentRole.MENTOR));
        enrolling.enrol(org.id(), program.id(), Enrol.of(tom, EnrolmentRole.MENTEE));
        RequestView request = selfMatch.request(org.id(), program.id(), tom, mia, "Hello");

        assertThat(mvc.get().uri("/").with(as("mia@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("Mentoring requests to answer (1)")
                .contains("Tom Mentee asks you to be their mentor in Choose your mentor");
        assertThat(mvc.get().uri("/").with(as("tom@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("You asked Mia Mentor to mentor you in Choose your mentor");

        selfMatch.accept(org.id(), request.id(), mia);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                mentorships
                                                .find(
                                                        org.id(),
                                                        program.id(),
                                                        tom,
                                                        PageQuery.of(0, 1))
                                                .total()
                                        == 1);

        assertThat(mvc.get().uri("/").with(as("tom@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("Your mentorships", "Mia Mentor", "Your mentor in Choose your mentor")
                .doesNotContain("No mentorship yet");
        var started = mentorships.find(org.id(), program.id(), tom, PageQuery.of(0, 1));
        assertThat(mvc.get().uri("/").with(as("tom@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("/mentorships/" + started.items().get(0).id().value());
        assertThat(mvc.get().uri("/").with(as("mia@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("Tom Mentee", "You are their mentor in Choose your mentor")
                .doesNotContain("Mentoring requests to answer");
    }

    @Test
    void anAdminSeesApprovalsWaitingAndEveryProgramAtAGlance() {
        assertThat(mvc.get().uri("/").with(as("pm@home.test", Role.ADMIN)))
                .bodyText()
                .contains("Your programs at a glance", "No program yet");

        ProgramView created =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Needs approval",
                                "CROSS_DIVISIONAL",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                MatchingMode.ADMIN,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null,
                                null));
        programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
        enrolling.enrol(
                org.id(), created.id(), Enrol.of(person("tom@home.test"), EnrolmentRole.MENTEE));
        programs.create(org.id(), ProgramDraft.of("Still a draft", "CROSS_FUNCTIONAL"));

        assertThat(mvc.get().uri("/").with(as("pm@home.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("Enrolments waiting for your approval", "1 waiting in Needs approval")
                .contains("Still a draft", "Draft", "Enrolling")
                .contains("0 mentors, 1 mentees, 1 waiting for approval");
        // An employee sees neither the approvals nor the draft.
        assertThat(mvc.get().uri("/").with(as("nia@home.test", Role.EMPLOYEE)))
                .bodyText()
                .doesNotContain("waiting for your approval", "Still a draft", "at a glance");
        assertThat(mvc.get().uri("/").with(as("tom@home.test", Role.EMPLOYEE)))
                .bodyText()
                .contains("Your enrolment waits for a program manager");
    }

    @Test
    void theGlanceCountsAPairStartedAfterTheManagerLastLooked() {
        ProgramView program = enrolling("Pairs counted", MatchingMode.SELF);
        PersonId mia = person("mia@home.test");
        PersonId tom = person("tom@home.test");
        enrolling.enrol(org.id(), program.id(), Enrol.of(mia, EnrolmentRole.MENTOR));
        enrolling.enrol(org.id(), program.id(), Enrol.of(tom, EnrolmentRole.MENTEE));
        assertThat(mvc.get().uri("/").with(as("pm@home.test", Role.ADMIN)))
                .bodyText()
                .contains(
                        "1 mentors, 1 mentees, 0 waiting for approval, 0 invited without an"
                                + " answer, 0 pairs");

        RequestView request = selfMatch.request(org.id(), program.id(), tom, mia, "Hello");
        selfMatch.accept(org.id(), request.id(), mia);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                mentorships
                                                .find(
                                                        org.id(),
                                                        program.id(),
                                                        tom,
                                                        PageQuery.of(0, 1))
                                                .total()
                                        == 1);

        // The pairs are kept per organisation until a mentorship is added, never longer.
        assertThat(mvc.get().uri("/").with(as("pm@home.test", Role.ADMIN)))
                .bodyText()
                .contains(", 1 pairs");
    }

    private ProgramView enrolling(String name, MatchingMode mode) {
        ProgramView created =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                name,
                                "CROSS_DIVISIONAL",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                mode,
                                2,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        return programs.moveTo(org.id(), created.id(), ProgramStatus.ENROLLING);
    }

    private PersonId person(String email) {
        return people.findByEmail(org.id(), email).orElseThrow().id();
    }

    private RequestPostProcessor as(String email, Role role) {
        return TestOrganisations.signedIn(org.id(), email, role);
    }
}
