package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;

/** A program manager approved or declined a pending enrolment; notifications tells the person. */
public record EnrolmentDecided(
        OrganisationId organisationId,
        ProgramId programId,
        EnrolmentId enrolmentId,
        PersonId personId,
        EnrolmentRole role,
        boolean approved) {}
