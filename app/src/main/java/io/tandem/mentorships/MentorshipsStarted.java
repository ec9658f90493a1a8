package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.util.List;

/**
 * New pairs of one program start working together, all from one publish: one event, and so one
 * publication per listener, however many pairs a run publishes (a pair per event wrote a
 * publication row per listener per pair, 15,000 rows for a run of 7,500). Listeners handle it
 * idempotently pair by pair, so a redelivery repeats nothing.
 */
public record MentorshipsStarted(
        OrganisationId organisationId, ProgramId programId, List<Pair> pairs) {

    public MentorshipsStarted {
        pairs = List.copyOf(pairs);
    }

    /** One new pair. */
    public record Pair(MentorshipId mentorshipId, PersonId mentorId, PersonId menteeId) {}
}
