package io.tandem.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonLeft;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramClosed;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The mentorships module with only the modules it depends on: the events it listens to end
 * mentorships, and the ones it publishes carry ids only.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class WorkspaceModuleTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,time_zone\n"
                    + "M1,mia@module.test,Mia,Mentor,Europe/Berlin\n"
                    + "E1,eva@module.test,Eva,Early,America/New_York\n";

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;

    OrganisationId org;
    ProgramView program;
    PersonId mia;
    PersonId eva;
    MentorshipId pair;

    @BeforeEach
    void aPair() {
        org = identity.ensureOrganisation("module-" + UUID.randomUUID(), "Module test");
        people.importCsv(org, PEOPLE.getBytes(StandardCharsets.UTF_8));
        mia = find("M1");
        eva = find("E1");
        program = programs.create(org, ProgramDraft.of("Module", "CROSS_DIVISIONAL"));
        pair = TestPairs.start(programs, enrolling, mentorships, org, program.id(), eva, mia, 10);
    }

    PersonId find(String code) {
        return TestPeople.id(people, org, code);
    }

    @Test
    void aPersonWhoLeavesEndsTheirMentorshipForThatReason(Scenario scenario) {
        scenario.publish(new PersonLeft(org, mia))
                .andWaitForEventOfType(MentorshipEnded.class)
                .matching(e -> e.mentorshipId().equals(pair))
                .toArriveAndVerify(
                        e -> {
                            assertThat(e.reason()).isEqualTo(EndReason.LEFT_ORGANISATION);
                            assertThat(e.endedBy()).isNull();
                            assertThat(workspaces.details(org, pair).status())
                                    .isEqualTo(MentorshipStatus.ENDED);
                        });
    }

    @Test
    void aClosedProgramCompletesItsMentorships(Scenario scenario) {
        // The event is seen when published, before the listener's transaction commits: wait for
        // the committed state, then check the event that came with it.
        scenario.publish(new ProgramClosed(org, program.id()))
                .andWaitForStateChange(
                        () -> workspaces.details(org, pair).status(),
                        status -> status == MentorshipStatus.COMPLETED)
                .andVerifyEvents(
                        events ->
                                assertThat(
                                                events.ofType(MentorshipEnded.class)
                                                        .matching(
                                                                e -> e.mentorshipId().equals(pair)))
                                        .extracting(MentorshipEnded::reason)
                                        .containsExactly(EndReason.PROGRAM_CLOSED));
    }

    @Test
    void reachingAHundredPercentPublishesGoalAchieved(Scenario scenario) {
        UUID goal =
                workspaces.addGoal(
                        org,
                        pair,
                        eva,
                        new WorkspaceManagement.GoalDraft(
                                "Lead a meeting",
                                "Chaired once",
                                java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                                null,
                                null));
        scenario.stimulate(() -> workspaces.recordProgress(org, pair, mia, goal, 100, "Done", 1))
                .andWaitForEventOfType(GoalAchieved.class)
                .toArriveAndVerify(e -> assertThat(e).isEqualTo(new GoalAchieved(org, pair, goal)));
    }
}
