package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOwners;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The program of a match run ({@code /match-runs/{id}/…}, page and API) or self-match request. */
@Component
class MatchingOwners implements ProgramOwners {

    private final JdbcClient jdbc;

    MatchingOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramId> programOf(
            OrganisationId organisation, String pattern, Map<String, String> variables) {
        if (pattern.startsWith("/match-runs/{id}")
                || pattern.startsWith("/api/v1/match-runs/{id}")) {
            return ProgramOwners.programOf(
                    jdbc,
                    organisation,
                    "select program_id from match_run where organisation_id = ? and id = ?",
                    variables.get("id"));
        }
        if (pattern.startsWith("/api/v1/requests/{id}")) {
            return ProgramOwners.programOf(
                    jdbc,
                    organisation,
                    "select program_id from self_match_request where organisation_id = ? and id = ?",
                    variables.get("id"));
        }
        return Optional.empty();
    }
}
