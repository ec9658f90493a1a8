package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;

/** A mentee asked a mentor to mentor them; notifications tells the mentor. */
public record MentorRequested(
        OrganisationId organisationId,
        ProgramId programId,
        RequestId requestId,
        PersonId menteeId,
        PersonId mentorId) {}
