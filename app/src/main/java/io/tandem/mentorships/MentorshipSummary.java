package io.tandem.mentorships;

import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.LocalDate;

/**
 * A mentorship as the API answers it: {@code {id, programId, mentorId, menteeId, status, score,
 * startedOn, endedOn}}.
 */
public record MentorshipSummary(
        MentorshipId id,
        ProgramId programId,
        PersonId mentorId,
        PersonId menteeId,
        MentorshipStatus status,
        Integer score,
        LocalDate startedOn,
        LocalDate endedOn) {

    /** A mentorship that has not ended. */
    public MentorshipSummary(
            MentorshipId id,
            ProgramId programId,
            PersonId mentorId,
            PersonId menteeId,
            MentorshipStatus status,
            Integer score,
            LocalDate startedOn) {
        this(id, programId, mentorId, menteeId, status, score, startedOn, null);
    }

    public boolean active() {
        return status == MentorshipStatus.ACTIVE;
    }
}
