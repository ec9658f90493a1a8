package io.tandem.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
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
                                + " role, enabled, created_at, activated_at)"
                                + " values (?, ?, ?, ?, ?, ?, true, ?, ?)")
                .params(
                        id,
                        organisation.value(),
                        normalise(email),
                        displayName,
                        passwordHash,
                        role.name(),
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    Optional<Account> find(UUID id) {
        return jdbc.sql(
                        "select id, organisation_id, email, display_name, password_hash, role, enabled"
                                + " from account where id = ?")
                .param(id)
                .query(Accounts::map)
                .optional();
    }

    /** Creates an account that cannot sign in until its owner sets a password. */
    UUID insertWithoutPassword(OrganisationId organisation, String email, String displayName) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into account (id, organisation_id, email, display_name, role,"
                                + " enabled, created_at) values (?, ?, ?, ?, ?, true, ?)")
                .params(
                        id,
                        organisation.value(),
                        normalise(email),
                        displayName,
                        Role.EMPLOYEE.name(),
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** Notes that an activation mail was asked for, so admins see it before the mail is written. */
    void activationRequested(UUID id, Instant now) {
        jdbc.sql("update account set activation_requested_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    void setPassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql(
                        "update account set password_hash = ?,"
                                + " activated_at = coalesce(activated_at, ?) where id = ?")
                .params(passwordHash, Timestamp.from(now), id)
                .update();
    }

    /**
     * Switches the accounts of these e-mails in the organisation on or off; returns the e-mails
     * changed.
     */
    List<String> setEnabled(
            OrganisationId organisation, Collection<String> emails, boolean enabled) {
        List<String> keys = emails.stream().map(Accounts::normalise).distinct().toList();
        List<String> changed = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            List<String> found =
                    jdbc.sql(
                                    "select email from account where organisation_id = :org"
                                            + " and enabled = :was and email in (:emails)")
                            .param("org", organisation.value())
                            .param("was", !enabled)
                            .param("emails", chunk)
                            .query(String.class)
                            .list();
            if (!found.isEmpty()) {
                jdbc.sql(
                                "update account set enabled = :enabled where organisation_id = :org"
                                        + " and email in (:emails)")
                        .param("enabled", enabled)
                        .param("org", organisation.value())
                        .param("emails", found)
                        .update();
                changed.addAll(found);
            }
        }
        return changed;
    }

    /**
     * Renames the account of this e-mail to a placeholder, takes its password and open links away
     * and switches it off; names it as the creator of tokens no more. Returns whether there was
     * one.
     */
    boolean erase(OrganisationId organisation, String email, String placeholder, String name) {
        String key = normalise(email);
        jdbc.sql(
                        "delete from account_token where account_id in (select id from account"
                                + " where organisation_id = ? and email = ?)")
                .params(organisation.value(), key)
                .update();
        jdbc.sql(
                        "update api_token set created_by = ? where organisation_id = ? and lower(created_by) = ?")
                .params(name, organisation.value(), key)
                .update();
        return jdbc.sql(
                                "update account set email = ?, display_name = ?, password_hash = null,"
                                        + " enabled = false where organisation_id = ? and email = ?")
                        .params(normalise(placeholder), name, organisation.value(), key)
                        .update()
                > 0;
    }

    /** The organisation's account with this e-mail, its row locked until the transaction ends. */
    Optional<Account> lockByEmail(OrganisationId organisation, String email) {
        return jdbc.sql(
                        "select id, organisation_id, email, display_name, password_hash, role, enabled"
                                + " from account where organisation_id = ? and email = ? for update")
                .params(organisation.value(), normalise(email))
                .query(Accounts::map)
                .optional();
    }

    /** How many accounts of the organisation are admins who can sign in. */
    long countEnabledAdmins(OrganisationId organisation) {
        return jdbc.sql(
                        "select count(*) from account where organisation_id = ? and role = ?"
                                + " and enabled = true")
                .params(organisation.value(), Role.ADMIN.name())
                .query(Long.class)
                .single();
    }

    void setRole(UUID id, Role role) {
        jdbc.sql("update account set role = ? where id = ?").params(role.name(), id).update();
    }

    /** Ends every session signed in as one of these e-mails, on every instance. */
    void endSessions(Collection<String> emails) {
        List<String> keys = emails.stream().map(Accounts::normalise).distinct().toList();
        for (int from = 0; from < keys.size(); from += 500) {
            jdbc.sql("delete from spring_session where principal_name in (:emails)")
                    .param("emails", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .update();
        }
    }

    /** Each account of the organisation among these e-mails, with its latest activation link. */
    Map<String, AccountState> states(OrganisationId organisation, Collection<String> emails) {
        List<String> keys = emails.stream().map(Accounts::normalise).distinct().toList();
        Map<String, AccountState> states = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            jdbc.sql(
                            "select a.email, a.enabled, a.password_hash is not null as has_password,"
                                    + " a.role, a.activated_at, a.activation_requested_at as invited_at"
                                    + " from account a where a.organisation_id = :org"
                                    + " and a.email in (:emails)")
                    .param("org", organisation.value())
                    .param("emails", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .query(
                            rs -> {
                                Instant invited = instant(rs.getTimestamp("invited_at"));
                                Instant activated = instant(rs.getTimestamp("activated_at"));
                                AccountState.Status status =
                                        !rs.getBoolean("enabled")
                                                ? AccountState.Status.DISABLED
                                                : rs.getBoolean("has_password")
                                                        ? AccountState.Status.ACTIVATED
                                                        : invited != null
                                                                ? AccountState.Status.INVITED
                                                                : AccountState.Status.NONE;
                                states.put(
                                        rs.getString("email"),
                                        new AccountState(
                                                status,
                                                invited,
                                                activated,
                                                Role.valueOf(rs.getString("role"))));
                            });
        }
        return states;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
