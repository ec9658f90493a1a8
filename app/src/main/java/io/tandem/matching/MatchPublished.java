package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.util.List;
import java.util.UUID;

/**
 * A program manager published pairs (or a mentor accepted a self-match request): the mentorships
 * module starts a mentorship for each pair.
 *
 * @param source the match run or the request the pairs came from
 */
public record MatchPublished(
        OrganisationId organisationId, ProgramId programId, UUID source, List<Pair> pairs) {

    public record Pair(PersonId mentee, PersonId mentor, int score) {}
}
