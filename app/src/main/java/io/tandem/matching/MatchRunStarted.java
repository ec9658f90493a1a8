package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;

/** A match run was started for a program. */
public record MatchRunStarted(
        OrganisationId organisationId, ProgramId programId, MatchRunId runId) {}
