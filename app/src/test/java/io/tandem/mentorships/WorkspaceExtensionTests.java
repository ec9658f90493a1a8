package io.tandem.mentorships;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Other modules add sections to the workspace page and entries to its timeline through {@link
 * WorkspaceSection} and {@link TimelineSource}; {@link WorkspaceExtensionBeans} answer only for
 * mentorships this test registered, so every other test's workspace stays as it is.
 */
@TandemIntegrationTest
class WorkspaceExtensionTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;

    @Test
    void anotherModulesSectionAndTimelineEntriesAppearInThePairsWorkspace() {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,time_zone\n"
                                + "M1,mo@ext.test,Mo,Mentor,Europe/Berlin\n"
                                + "E1,ed@ext.test,Ed,Mentee,Europe/London\n"
                                + "E2,al@ext.test,Al,Other,Europe/London\n")
                        .getBytes(StandardCharsets.UTF_8));
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Ext", "CROSS_DIVISIONAL"));
        MentorshipId pair =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        program.id(),
                        id(org, "E1"),
                        id(org, "M1"),
                        50);
        MentorshipId other =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        program.id(),
                        id(org, "E2"),
                        id(org, "M1"),
                        50);
        // Older than anything the pair did: it sorts below the workspace's own entries.
        WorkspaceExtensionBeans.REGISTERED.put(pair, Instant.parse("2020-01-01T00:00:00Z"));
        workspaces.addGoal(
                org.id(),
                pair,
                id(org, "E1"),
                new WorkspaceManagement.GoalDraft(
                        "Speak at a meetup",
                        "One talk",
                        java.time.LocalDate.now().plusMonths(2),
                        null,
                        null));

        assertThat(
                        mvc.get()
                                .uri("/mentorships/{id}", pair)
                                .with(signedIn(org.id(), "ed@ext.test", Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .contains("From another module")
                .contains("Seen by mentee")
                .contains("Mo Mentor")
                .contains("Met in Lisbon");
        assertThat(
                        mvc.get()
                                .uri("/mentorships/{id}", pair)
                                .with(signedIn(org.id(), "mo@ext.test", Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .contains("Seen by mentor");
        assertThat(
                        mvc.get()
                                .uri("/mentorships/{id}", other)
                                .with(signedIn(org.id(), "al@ext.test", Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("From another module")
                .doesNotContain("Met in Lisbon");

        List<WorkspaceView.TimelineEntry> timeline =
                workspaces.workspace(org.id(), pair, id(org, "E1")).timeline();
        assertThat(timeline)
                .extracting(WorkspaceView.TimelineEntry::subject)
                .containsExactly("Speak at a meetup", "Met in Lisbon");
        assertThat(timeline).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
    }

    private PersonId id(TestOrganisation org, String code) {
        return TestPeople.id(people, org.id(), code);
    }
}
