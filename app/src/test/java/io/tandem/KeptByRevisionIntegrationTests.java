package io.tandem;

import static io.tandem.OnAPage.onAPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PeopleManagement.DayHours;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataManagement;
import io.tandem.people.WorkingHours;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What pages keep on this instance by revision (issue 17: the workspace reads a program, its pair's
 * working hours and the mentee's enrolments on every view) shows every write on the next page: a
 * program's goal sharing and status, saved working hours, an enrolment withdrawn, and an erasure,
 * which must not leave the erased person's skills or hours behind.
 */
@TandemIntegrationTest
class KeptByRevisionIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,time_zone\n"
                    + "K1,kim@kept.test,Kim,Kept,Europe/Berlin\n"
                    + "L1,lee@kept.test,Lee,Kept,Europe/London\n";

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired PersonalDataManagement personalData;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;

    TestOrganisation org;
    PersonId kim;

    @BeforeEach
    void organisationWithPeople() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        kim = people.findByEmail(org.id(), "kim@kept.test").orElseThrow().id();
    }

    @Test
    void aPageShowsTheProgramAsItIsAfterAnEarlierPageKeptIt() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Kept", "ASPIRATION"));
        assertThat(onAPage(() -> programs.get(org.id(), program.id()).status()))
                .isEqualTo(ProgramStatus.DRAFT);
        boolean shared = onAPage(() -> programs.sharesGoals(org.id(), program.id()));

        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        programs.shareGoals(org.id(), program.id(), !shared);

        assertThat(onAPage(() -> programs.get(org.id(), program.id()).status()))
                .isEqualTo(ProgramStatus.ENROLLING);
        assertThat(onAPage(() -> programs.sharesGoals(org.id(), program.id()))).isEqualTo(!shared);
    }

    @Test
    void aPageShowsWorkingHoursSavedAfterAnEarlierPageKeptTheDefault() {
        assertThat(onAPage(() -> people.workingHours(org.id(), List.of(kim)).get(kim)))
                .isEqualTo(WorkingHours.DEFAULT);

        WorkingHours saved =
                people.saveWorkingHours(
                        org.id(),
                        kim,
                        List.of(new DayHours(DayOfWeek.MONDAY, true, "07:00", "11:00")));

        WorkingHours shown = onAPage(() -> people.workingHours(org.id(), List.of(kim)).get(kim));
        assertThat(shown).isEqualTo(saved).isNotEqualTo(WorkingHours.DEFAULT);
        assertThat(shown.days()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(shown.days().get(DayOfWeek.MONDAY).start()).isEqualTo(LocalTime.of(7, 0));
        // Kept now: the same again from this instance.
        assertThat(onAPage(() -> people.workingHours(org.id(), List.of(kim)).get(kim)))
                .isEqualTo(saved);
    }

    @Test
    void aPageShowsAnEnrolmentWithdrawnAfterAnEarlierPageKeptIt() {
        ProgramView program = enrolling();
        EnrolmentView enrolment = enrolling.enrol(org.id(), program.id(), menteeWanting("Java"));
        assertThat(onAPage(() -> enrolling.enrolmentsOf(org.id(), kim)))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isNotEqualTo(EnrolmentStatus.WITHDRAWN));

        enrolling.withdraw(org.id(), enrolment.id());

        assertThat(onAPage(() -> enrolling.enrolmentsOf(org.id(), kim)))
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrolmentStatus.WITHDRAWN));
    }

    @Test
    void afterAnErasureNoPageShowsTheSkillsOrHoursAnEarlierPageKept() {
        ProgramView program = enrolling();
        enrolling.enrol(org.id(), program.id(), menteeWanting("Negotiation"));
        people.saveWorkingHours(
                org.id(), kim, List.of(new DayHours(DayOfWeek.FRIDAY, true, "10:00", "12:00")));
        assertThat(onAPage(() -> enrolling.enrolmentsOf(org.id(), kim)))
                .singleElement()
                .satisfies(e -> assertThat(e.skillsWanted()).containsExactly("Negotiation"));
        assertThat(onAPage(() -> people.workingHours(org.id(), List.of(kim)).get(kim)))
                .isNotEqualTo(WorkingHours.DEFAULT);

        personalData.erase(org.id(), kim);

        assertThat(onAPage(() -> enrolling.enrolmentsOf(org.id(), kim)))
                .singleElement()
                .satisfies(e -> assertThat(e.skillsWanted()).isEmpty());
        assertThat(onAPage(() -> people.workingHours(org.id(), List.of(kim)).get(kim)))
                .isEqualTo(WorkingHours.DEFAULT);
    }

    private ProgramView enrolling() {
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Kept", "ASPIRATION"));
        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        return program;
    }

    private Enrol menteeWanting(String skill) {
        return Enrol.mentee(kim, List.of(skill));
    }
}
