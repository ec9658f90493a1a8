package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;

/**
 * A program manager changed a run's proposal by hand: {@code change} is {@code LOCKED}, {@code
 * UNLOCKED}, {@code REMOVED} or {@code ASSIGNED}; {@code mentorId} is {@code null} when unknown.
 */
public record ProposedPairChanged(
        OrganisationId organisationId,
        MatchRunId runId,
        String change,
        PersonId menteeId,
        PersonId mentorId) {}
