package io.tandem.programs;

import io.tandem.identity.OrganisationId;

/** A program closed: the mentorships module completes the pairs still working in it. */
public record ProgramClosed(OrganisationId organisationId, ProgramId programId) {}
