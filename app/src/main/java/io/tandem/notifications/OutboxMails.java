package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Every state change after the insert is a conditional update, so that of two
 * instances racing for a mail exactly one wins, on H2 and PostgreSQL alike, without row locks held
 * while talking to the SMTP server.
 */
@Repository
class OutboxMails {

    /** A mail this instance has claimed; {@code claimedAt} fences its later updates. */
    record Claimed(
            UUID id,
            String recipient,
            String subject,
            String body,
            int attempts,
            Instant claimedAt,
            CalendarPart calendar,
            String unsubscribeUrl) {}

    // "on conflict do nothing" rather than catching the duplicate: on PostgreSQL a failed insert
    // would spoil the caller's transaction.
    private static final String INSERT =
            "insert into outbox_mail (id, organisation_id, dedup_key, recipient, subject, body,"
                    + " status, attempts, created_at, next_attempt_at, calendar_method, calendar,"
                    + " unsubscribe_url) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OutboxMails(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A plain-text mail to queue: its key, recipient (a checked address), one-line subject. */
    record NewMail(
            String key, String recipient, String subject, String body, String unsubscribeUrl) {}

    /** Inserts the mails in one batch, each unless one with the same key exists. */
    void insertAll(OrganisationId organisation, List<NewMail> mails, Instant now) {
        template.batchUpdate(
                INSERT,
                mails.stream()
                        .map(
                                mail ->
                                        values(
                                                UUID.randomUUID(),
                                                organisation,
                                                mail.key(),
                                                mail.recipient(),
                                                mail.subject(),
                                                mail.body(),
                                                null,
                                                now,
                                                mail.unsubscribeUrl()))
                        .toList());
    }

    private static Object[] values(
            UUID id,
            OrganisationId organisation,
            String key,
            String recipient,
            String subject,
            String body,
            CalendarPart calendar,
            Instant now,
            String unsubscribeUrl) {
        return new Object[] {
            id,
            organisation.value(),
            key,
            recipient,
            subject,
            body,
            MailStatus.PENDING.name(),
            Timestamp.from(now),
            Timestamp.from(now),
            calendar == null ? null : calendar.method(),
            calendar == null ? null : calendar.content(),
            unsubscribeUrl
        };
    }

    /**
     * Inserts the mail, unless one with the same key exists; true if it inserted. {@code calendar}
     * and {@code unsubscribeUrl} may be {@code null}.
     */
    boolean insert(
            UUID id,
            OrganisationId organisation,
            String key,
            String recipient,
            String subject,
            String body,
            CalendarPart calendar,
            Instant now,
            String unsubscribeUrl) {
        return jdbc.sql(INSERT)
                        .params(
                                values(
                                        id,
                                        organisation,
                                        key,
                                        recipient,
                                        subject,
                                        body,
                                        calendar,
                                        now,
                                        unsubscribeUrl))
                        .update()
                == 1;
    }

    List<OutboxMailView> page(OrganisationId organisation, PageQuery page) {
        return jdbc.sql(
                        "select id, recipient, subject, body, status, created_at, sent_at,"
                                + " last_error from outbox_mail where organisation_id = ?"
                                + " order by created_at desc, id desc limit ? offset ?")
                .params(organisation.value(), page.size(), page.offset())
                .query(OutboxMails::view)
                .list();
    }

    long count(OrganisationId organisation) {
        return jdbc.sql("select count(*) from outbox_mail where organisation_id = ?")
                .param(organisation.value())
                .query(Long.class)
                .single();
    }

    List<UUID> due(Instant now, int limit) {
        return jdbc.sql(
                        "select id from outbox_mail where status = ? and next_attempt_at <= ?"
                                + " order by next_attempt_at, id limit ?")
                .params(MailStatus.PENDING.name(), Timestamp.from(now), limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Hands mails whose claim is older than {@code claimedBefore} back to the poll, or gives them
     * up when they have had all their attempts: the instance that claimed them has died or hung.
     */
    int reclaim(Instant claimedBefore, int maxAttempts, String error) {
        return jdbc.sql(
                        "update outbox_mail set status = case when attempts >= ? then ? else ? end,"
                                + " claimed_at = null, last_error = ?"
                                + " where status = ? and claimed_at < ?")
                .params(
                        maxAttempts,
                        MailStatus.FAILED.name(),
                        MailStatus.PENDING.name(),
                        error,
                        MailStatus.SENDING.name(),
                        Timestamp.from(claimedBefore))
                .update();
    }

    /** Claims the mail if it is still pending and due; empty when another poll was first. */
    Optional<Claimed> claim(UUID id, Instant now) {
        int updated =
                jdbc.sql(
                                "update outbox_mail set status = ?, claimed_at = ?,"
                                        + " attempts = attempts + 1"
                                        + " where id = ? and status = ? and next_attempt_at <= ?")
                        .params(
                                MailStatus.SENDING.name(),
                                Timestamp.from(now),
                                id,
                                MailStatus.PENDING.name(),
                                Timestamp.from(now))
                        .update();
        if (updated != 1) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select id, recipient, subject, body, attempts, calendar_method, calendar,"
                                + " unsubscribe_url from outbox_mail where id = ?")
                .param(id)
                .query(
                        (rs, n) ->
                                new Claimed(
                                        rs.getObject("id", UUID.class),
                                        rs.getString("recipient"),
                                        rs.getString("subject"),
                                        rs.getString("body"),
                                        rs.getInt("attempts"),
                                        now,
                                        rs.getString("calendar") == null
                                                ? null
                                                : new CalendarPart(
                                                        rs.getString("calendar_method"),
                                                        rs.getString("calendar")),
                                        rs.getString("unsubscribe_url")))
                .optional();
    }

    void markSent(Claimed mail, Instant now) {
        jdbc.sql(
                        "update outbox_mail set status = ?, sent_at = ?, claimed_at = null,"
                                + " last_error = null where id = ? and status = ? and claimed_at = ?")
                .params(
                        MailStatus.SENT.name(),
                        Timestamp.from(now),
                        mail.id(),
                        MailStatus.SENDING.name(),
                        Timestamp.from(mail.claimedAt()))
                .update();
    }

    /** Gives the mail up, or puts it back for another attempt at {@code retryAt}. */
    void markFailed(Claimed mail, String error, boolean giveUp, Instant retryAt) {
        jdbc.sql(
                        "update outbox_mail set status = ?, last_error = ?, claimed_at = null,"
                                + " next_attempt_at = ? where id = ? and status = ? and claimed_at = ?")
                .params(
                        giveUp ? MailStatus.FAILED.name() : MailStatus.PENDING.name(),
                        error,
                        Timestamp.from(retryAt),
                        mail.id(),
                        MailStatus.SENDING.name(),
                        Timestamp.from(mail.claimedAt()))
                .update();
    }

    private static OutboxMailView view(ResultSet rs, int row) throws SQLException {
        return new OutboxMailView(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                MailStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")),
                rs.getString("last_error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
