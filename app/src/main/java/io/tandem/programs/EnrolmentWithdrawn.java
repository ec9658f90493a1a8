package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;

/**
 * A person left a program, and said whether their mentorships in it end too (the mentorships module
 * ends them) or go on.
 */
public record EnrolmentWithdrawn(
        OrganisationId organisationId,
        EnrolmentId enrolmentId,
        ProgramId programId,
        PersonId personId,
        boolean endMentorships) {}
