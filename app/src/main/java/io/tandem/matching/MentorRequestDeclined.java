package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;

/** A mentor declined a mentee's request; notifications tells the mentee. */
public record MentorRequestDeclined(
        OrganisationId organisationId,
        ProgramId programId,
        RequestId requestId,
        PersonId menteeId,
        PersonId mentorId) {}
