package io.tandem.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokens {

    private final JdbcClient jdbc;

    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    record ActiveToken(
            UUID id, OrganisationId organisationId, String name, Role role, TokenScope scope) {}

    Optional<ActiveToken> findActive(String tokenHash) {
        return jdbc.sql(
                        "select id, organisation_id, name, role, scope from api_token"
                                + " where token_hash = ? and revoked_at is null")
                .param(tokenHash)
                .query(
                        (rs, n) ->
                                new ActiveToken(
                                        rs.getObject("id", UUID.class),
                                        new OrganisationId(
                                                rs.getObject("organisation_id", UUID.class)),
                                        rs.getString("name"),
                                        Role.valueOf(rs.getString("role")),
                                        TokenScope.valueOf(rs.getString("scope"))))
                .optional();
    }

    boolean exists(String tokenHash) {
        return jdbc.sql("select count(*) from api_token where token_hash = ?")
                        .param(tokenHash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(
            UUID id,
            OrganisationId organisation,
            String name,
            String tokenHash,
            String hint,
            Role role,
            TokenScope scope,
            String createdBy) {
        jdbc.sql(
                        "insert into api_token (id, organisation_id, name, token_hash, hint, role,"
                                + " scope, created_by, created_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organisation.value(),
                        name,
                        tokenHash,
                        hint,
                        role.name(),
                        scope.name(),
                        createdBy,
                        Timestamp.from(clock.instant()))
                .update();
    }

    List<ApiTokenSummary> findAll(OrganisationId organisation) {
        return jdbc.sql(
                        "select id, name, role, scope, hint, created_by, created_at, last_used_at, revoked_at"
                                + " from api_token where organisation_id = ?"
                                + " order by revoked_at nulls first, created_at desc")
                .param(organisation.value())
                .query(ApiTokens::summary)
                .list();
    }

    /** One page, live tokens first; revoked ones stay listed and so grow without bound. */
    List<ApiTokenSummary> findPage(OrganisationId organisation, long offset, int limit) {
        return jdbc.sql(
                        "select id, name, role, scope, hint, created_by, created_at, last_used_at, revoked_at"
                                + " from api_token where organisation_id = ?"
                                + " order by revoked_at nulls first, created_at desc, id"
                                + " limit ? offset ?")
                .param(organisation.value())
                .param(limit)
                .param(offset)
                .query(ApiTokens::summary)
                .list();
    }

    long count(OrganisationId organisation) {
        return jdbc.sql("select count(*) from api_token where organisation_id = ?")
                .param(organisation.value())
                .query(Long.class)
                .single();
    }

    long countLive(OrganisationId organisation) {
        return jdbc.sql(
                        "select count(*) from api_token where organisation_id = ?"
                                + " and revoked_at is null")
                .param(organisation.value())
                .query(Long.class)
                .single();
    }

    boolean revoke(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                                "update api_token set revoked_at = ? where id = ? and organisation_id = ?"
                                        + " and revoked_at is null")
                        .params(Timestamp.from(clock.instant()), id, organisation.value())
                        .update()
                > 0;
    }

    void touch(UUID id) {
        // At most one write a minute per token, so busy integrations do not write on every call.
        Instant now = clock.instant();
        jdbc.sql(
                        "update api_token set last_used_at = ? where id = ?"
                                + " and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    private static ApiTokenSummary summary(ResultSet rs, int row) throws SQLException {
        return new ApiTokenSummary(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                TokenScope.valueOf(rs.getString("scope")),
                rs.getString("hint"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
