package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;

/** Someone was invited to a program; notifications tells them. */
public record EnrolmentInvited(
        OrganisationId organisationId,
        ProgramId programId,
        String programName,
        PersonId personId,
        String email,
        String name,
        EnrolmentRole role) {}
