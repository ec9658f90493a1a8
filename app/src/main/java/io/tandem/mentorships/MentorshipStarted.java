package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;

/**
 * A new pair starts working together. No longer published ({@link MentorshipsStarted} carries a
 * whole publish); kept so that publications written before that change can still be delivered.
 */
public record MentorshipStarted(
        OrganisationId organisationId,
        MentorshipId mentorshipId,
        ProgramId programId,
        PersonId mentorId,
        PersonId menteeId) {

    /** The same pair as a one-pair batch, which every listener handles. */
    public MentorshipsStarted asBatch() {
        return new MentorshipsStarted(
                organisationId,
                programId,
                java.util.List.of(new MentorshipsStarted.Pair(mentorshipId, mentorId, menteeId)));
    }
}
