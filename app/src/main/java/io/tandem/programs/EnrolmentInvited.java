package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import java.time.Instant;

/**
 * Someone was invited to a program; notifications tells them. Ids only: the listener looks up the
 * person and the program. {@code enrolmentId} with {@code invitedAt} names this invitation (a
 * person invited again after withdrawing gets a new one).
 */
public record EnrolmentInvited(
        OrganisationId organisationId,
        ProgramId programId,
        EnrolmentId enrolmentId,
        PersonId personId,
        EnrolmentRole role,
        Instant invitedAt) {}
