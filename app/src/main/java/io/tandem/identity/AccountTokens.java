package io.tandem.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links by the hash of their secret. Using one is a conditional update: once only. */
@Repository
class AccountTokens {

    record Usable(UUID id, UUID accountId, AccountLinkPurpose purpose) {}

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean requestHandled(UUID requestId) {
        return jdbc.sql("select count(*) from account_token where request_id = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(
            UUID accountId,
            AccountLinkPurpose purpose,
            String tokenHash,
            UUID requestId,
            Instant now,
            Instant expiresAt) {
        jdbc.sql(
                        "insert into account_token (id, account_id, purpose, token_hash, request_id,"
                                + " created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        accountId,
                        purpose.name(),
                        tokenHash,
                        requestId,
                        Timestamp.from(now),
                        Timestamp.from(expiresAt))
                .update();
    }

    Optional<Usable> findUsable(String tokenHash, Instant now) {
        return jdbc.sql(
                        "select id, account_id, purpose from account_token where token_hash = ?"
                                + " and used_at is null and expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query(
                        (rs, n) ->
                                new Usable(
                                        rs.getObject("id", UUID.class),
                                        rs.getObject("account_id", UUID.class),
                                        AccountLinkPurpose.valueOf(rs.getString("purpose"))))
                .optional();
    }

    /**
     * Uses up this link and every other unused link of the account; false if it was used already.
     */
    boolean use(Usable token, Instant now) {
        int used =
                jdbc.sql(
                                "update account_token set used_at = ? where id = ? and used_at is null"
                                        + " and expires_at > ?")
                        .params(Timestamp.from(now), token.id(), Timestamp.from(now))
                        .update();
        if (used != 1) {
            return false;
        }
        jdbc.sql("update account_token set used_at = ? where account_id = ? and used_at is null")
                .params(Timestamp.from(now), token.accountId())
                .update();
        return true;
    }

    /** Whether a link of this purpose was issued to the account after {@code since}. */
    boolean issuedSince(UUID accountId, AccountLinkPurpose purpose, Instant since) {
        return jdbc.sql(
                                "select count(*) from account_token where account_id = ?"
                                        + " and purpose = ? and created_at > ?")
                        .params(accountId, purpose.name(), Timestamp.from(since))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
