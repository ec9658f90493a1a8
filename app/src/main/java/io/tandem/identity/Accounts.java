package io.tandem.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    record Account(
            UUID id,
            OrganisationId organisationId,
            String email,
            String displayName,
            String passwordHash,
            Role role,
            boolean enabled) {

        TandemUser user() {
            return new TandemUser(id, organisationId, email, displayName, role);
        }
    }

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql(
                        "select id, organisation_id, email, display_name, password_hash, role, enabled"
                                + " from account where email = ?")
                .param(normalise(email))
                .query(Accounts::map)
                .optional();
    }

    UUID insert(
            OrganisationId organisation,
            String email,
            String displayName,
            String passwordHash,
            Role role) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into account (id, organisation_id, email, display_name, password_hash,"
                                + " role, enabled, created_at) values (?, ?, ?, ?, ?, ?, true, ?)")
                .params(
                        id,
                        organisation.value(),
                        normalise(email),
                        displayName,
                        passwordHash,
                        role.name(),
                        Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"));
    }
}
