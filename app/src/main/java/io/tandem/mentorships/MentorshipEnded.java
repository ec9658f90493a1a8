package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;

/**
 * A mentorship is over: completed or ended early, for the reason given. Notifications tells the
 * partner and asks both for the closure survey.
 *
 * @param endedBy the person who ended it, or {@code null} for a program manager, an API token or
 *     the system (program closed, person left)
 */
public record MentorshipEnded(
        OrganisationId organisationId,
        MentorshipId mentorshipId,
        ProgramId programId,
        PersonId mentorId,
        PersonId menteeId,
        EndReason reason,
        PersonId endedBy) {}
