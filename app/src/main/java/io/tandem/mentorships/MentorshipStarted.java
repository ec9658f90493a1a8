package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;

/** A new pair starts working together; notifications tells both of them. */
public record MentorshipStarted(
        OrganisationId organisationId,
        MentorshipId mentorshipId,
        ProgramId programId,
        PersonId mentorId,
        PersonId menteeId) {}
