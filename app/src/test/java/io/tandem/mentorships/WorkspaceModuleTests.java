package io.tandem.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchPublished;
import io.tandem.matching.RequestView;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonLeft;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.MatchingMode;
import io.tandem.programs.ProgramClosed;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
            "employee_id,email,first_name,last_name,time_zone,division,languages,skills\n"
                    + "M1,mia@module.test,Mia,Mentor,Europe/Berlin,Digital,English,Java\n"
                    + "E1,eva@module.test,Eva,Early,America/New_York,Retail,English,Java\n"
                    + "E2,ela@module.test,Ela,Eager,Europe/London,Retail,English,Java\n";

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired SelfMatchManagement selfMatch;

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

    @Test
    void aPublishedMatchStartsItsPairOnceHoweverOftenItIsDelivered(Scenario scenario) {
        ProgramView self =
                programs.moveTo(
                        org,
                        programs.create(
                                        org,
                                        ProgramDraft.of("Pick your mentor", "CROSS_DIVISIONAL")
                                                .withMatching(MatchingMode.SELF, 2))
                                .id(),
                        ProgramStatus.ENROLLING);
        PersonId ela = find("E2");
        enrolling.enrol(org, self.id(), Enrol.mentor(mia, 2));
        enrolling.enrol(org, self.id(), Enrol.mentee(ela, List.of("Java")));
        RequestView request = selfMatch.request(org, self.id(), ela, mia, null);

        // The mentor's yes publishes the match; the mentorships module starts the pair from it.
        scenario.stimulate(() -> selfMatch.accept(org, request.id(), mia))
                .andWaitForEventOfType(MentorshipsStarted.class)
                .matching(e -> e.programId().equals(self.id()))
                .toArriveAndVerify(
                        e -> {
                            assertThat(e.pairs()).hasSize(1);
                            assertThat(e.pairs().get(0).menteeId()).isEqualTo(ela);
                            assertThat(e.pairs().get(0).mentorId()).isEqualTo(mia);
                        });

        // The same publication delivered again (a resubmitted event) starts nothing more.
        scenario.publish(new MatchPublished(org, self.id(), request.id().value()))
                .andWaitForStateChange(() -> mentorships.countByProgram(org).get(self.id()))
                .andVerify(count -> assertThat(count).isEqualTo(1L));
    }
}
