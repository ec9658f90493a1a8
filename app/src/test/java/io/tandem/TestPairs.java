package io.tandem;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.PublishedPair;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import java.util.List;
import java.util.UUID;

/**
 * Starts a mentorship the way the product does: both people enrolled in the program (the mentor
 * with places), then the pair handed to the mentorships module, which keeps the capacity rule.
 */
public final class TestPairs {

    private TestPairs() {}

    public static MentorshipId start(
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            MentorshipManagement mentorships,
            OrganisationId organisation,
            ProgramId program,
            PersonId mentee,
            PersonId mentor,
            int score) {
        if (programs.get(organisation, program).status() == ProgramStatus.DRAFT) {
            programs.moveTo(organisation, program, ProgramStatus.ENROLLING);
        }
        enrol(enrolling, organisation, program, mentor, EnrolmentRole.MENTOR);
        enrol(enrolling, organisation, program, mentee, EnrolmentRole.MENTEE);
        return mentorships
                .start(
                        organisation,
                        program,
                        UUID.randomUUID(),
                        List.of(new PublishedPair(mentee, mentor, score)))
                .get(0)
                .id();
    }

    private static void enrol(
            EnrolmentManagement enrolling,
            OrganisationId organisation,
            ProgramId program,
            PersonId person,
            EnrolmentRole role) {
        boolean enrolled =
                enrolling.enrolmentsOf(organisation, person).stream()
                        .anyMatch(
                                e ->
                                        e.programId().equals(program)
                                                && e.role() == role
                                                && e.status() == EnrolmentStatus.ACTIVE);
        if (enrolled) {
            return;
        }
        Enrol request =
                role == EnrolmentRole.MENTOR
                        ? new Enrol(
                                person, null, role, 20, null, null, null, null, null, null, null,
                                null)
                        : Enrol.of(person, role);
        var enrolment = enrolling.enrol(organisation, program, request);
        if (enrolment.status() == EnrolmentStatus.PENDING) {
            enrolling.decide(organisation, enrolment.id(), true, null);
        }
    }
}
