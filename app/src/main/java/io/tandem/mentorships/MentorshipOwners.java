package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOwners;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The program of a mentorship named by {@code /api/v1/mentorships/{id}/…} (metadata, end, the
 * meetings API).
 */
@Component
class MentorshipOwners implements ProgramOwners {

    private final JdbcClient jdbc;

    MentorshipOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramId> programOf(
            OrganisationId organisation, String pattern, Map<String, String> variables) {
        if (pattern.startsWith("/api/v1/mentorships/{id}")) {
            return ProgramOwners.programOf(
                    jdbc,
                    organisation,
                    "select program_id from mentorship where organisation_id = ? and id = ?",
                    variables.get("id"));
        }
        return Optional.empty();
    }
}
