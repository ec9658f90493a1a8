package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import java.util.UUID;

/**
 * A program manager published a run's pairs (or a mentor accepted a self-match request): the
 * mentorships module starts a mentorship for each pair, reading them with {@link
 * MatchingManagement#publishedPairs}. Ids only, so the event stays small for 10,000 pairs.
 *
 * @param source the match run or the request the pairs came from
 */
public record MatchPublished(OrganisationId organisationId, ProgramId programId, UUID source) {}
