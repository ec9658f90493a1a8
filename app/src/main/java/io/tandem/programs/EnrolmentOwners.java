package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The program of an enrolment named by {@code /api/v1/enrolments/{id}/…}. */
@Component
class EnrolmentOwners implements ProgramOwners {

    private final JdbcClient jdbc;

    EnrolmentOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramId> programOf(
            OrganisationId organisation, String pattern, Map<String, String> variables) {
        if (pattern.startsWith("/api/v1/enrolments/{id}")) {
            return ProgramOwners.programOf(
                    jdbc,
                    organisation,
                    "select program_id from enrolment where organisation_id = ? and id = ?",
                    variables.get("id"));
        }
        return Optional.empty();
    }
}
