package io.tandem.engagement;

import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.Instant;

/**
 * What engagement knows of one active pair, enough to assess its health.
 *
 * @param lastMeeting the latest meeting held or reported, or {@code null}
 * @param lastActivity the latest activity of any kind (at least the start)
 * @param usefulness the latest check-in's usefulness (either person), or {@code null}
 * @param goalProgress the latest check-in's goal progress (either person), or {@code null}
 */
record PairFacts(
        MentorshipId mentorship,
        ProgramId program,
        PersonId mentor,
        PersonId mentee,
        Instant startedAt,
        Instant lastMeeting,
        Instant lastMessage,
        Instant lastActivity,
        Integer usefulness,
        Integer goalProgress,
        Health health,
        Instant lastAutoNudge,
        Instant warnedAt) {

    /** A pair that has just started: nothing happened yet, so it is on track. */
    static PairFacts started(
            MentorshipId mentorship,
            ProgramId program,
            PersonId mentor,
            PersonId mentee,
            Instant startedAt) {
        return new PairFacts(
                mentorship,
                program,
                mentor,
                mentee,
                startedAt,
                null,
                null,
                null,
                null,
                null,
                Health.ON_TRACK,
                null,
                null);
    }
}
