package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOwners;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The program of a meeting named by {@code /api/v1/meetings/{id}/…}, through its mentorship. */
@Component
class MeetingOwners implements ProgramOwners {

    private final JdbcClient jdbc;

    MeetingOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramId> programOf(
            OrganisationId organisation, String pattern, Map<String, String> variables) {
        if (pattern.startsWith("/api/v1/meetings/{id}")) {
            return ProgramOwners.programOf(
                    jdbc,
                    organisation,
                    "select s.program_id from meeting m join mentorship s on s.id = m.mentorship_id"
                            + " where m.organisation_id = ? and m.id = ?",
                    variables.get("id"));
        }
        return Optional.empty();
    }
}
