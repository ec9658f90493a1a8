package io.tandem.programs;

import io.tandem.identity.OrganisationId;

/**
 * A program was created or changed: {@code what} is {@code CREATED}, {@code STATUS} (with {@code
 * detail} "FROM->TO"), {@code RULES} or {@code MINIMUM_SCORE}.
 */
public record ProgramChanged(
        OrganisationId organisationId, ProgramId programId, String what, String detail) {}
