package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramOwners;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The program of a reported message named by {@code /messaging/reports/{message}/…}. */
@Component
class MessageOwners implements ProgramOwners {

    private final JdbcClient jdbc;

    MessageOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProgramId> programOf(
            OrganisationId organisation, String pattern, Map<String, String> variables) {
        if (pattern.startsWith("/messaging/reports/{message}")) {
            return ProgramOwners.programOf(
                    jdbc,
                    organisation,
                    "select c.program_id from message m join conversation c on c.id ="
                            + " m.conversation_id where m.organisation_id = ? and m.id = ?",
                    variables.get("message"));
        }
        return Optional.empty();
    }
}
