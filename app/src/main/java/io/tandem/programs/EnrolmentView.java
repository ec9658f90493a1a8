package io.tandem.programs;

import io.tandem.people.PersonId;
import java.time.Instant;
import java.util.List;

/** An enrolment with the person's name and place, for lists and the API. */
public record EnrolmentView(
        EnrolmentId id,
        ProgramId programId,
        PersonId personId,
        String name,
        String email,
        String division,
        String location,
        EnrolmentRole role,
        EnrolmentStatus status,
        Integer capacity,
        String goals,
        List<String> skillsWanted,
        List<String> skillsOffered,
        String aspiredDivision,
        String aspiredLocation,
        String preferences,
        String availability,
        String timeZone,
        Instant invitedAt,
        Instant enrolledAt,
        Instant decidedAt,
        String decisionNote) {

    /** Invited and not yet answered: the person may accept or decline in one click. */
    public boolean awaitingAnswer() {
        return status == EnrolmentStatus.INVITED;
    }

    /** Waiting for a program manager to approve or decline it. */
    public boolean awaitingDecision() {
        return status == EnrolmentStatus.PENDING;
    }

    /** The person takes part: enrolled and, where asked, approved. */
    public boolean takingPart() {
        return status == EnrolmentStatus.ACTIVE;
    }

    /** Whether this is the caller's own enrolment (an API token holds none). */
    public boolean heldBy(io.tandem.identity.TandemUser caller) {
        return caller.email() != null && caller.email().equalsIgnoreCase(email);
    }
}
