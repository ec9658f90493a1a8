package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest for people who chose it for a kind of notification: their mails are held, and
 * once the oldest held one is a day old they get one mail with all of them. Messages have their own
 * digest (messaging), which reads the same preference.
 */
@Component
class NotificationDigests {

    static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private Clock clock;

    NotificationDigests(
            JdbcClient jdbc, TransactionTemplate transaction, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.messages = messages;
        this.clock = clock;
    }

    /** For tests that move time. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Holds a mail for the person's digest, once per key; true if it was held now. */
    boolean hold(
            OrganisationId organisation,
            String key,
            NotificationKind kind,
            String email,
            String subject,
            String text) {
        return jdbc.sql(
                                "insert into notification_digest_item (id, organisation_id, email,"
                                        + " dedup_key, kind, subject, body, created_at) values (?,"
                                        + " ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                UUID.randomUUID(),
                                organisation.value(),
                                email.strip().toLowerCase(Locale.ROOT),
                                key,
                                kind.name(),
                                subject,
                                text,
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private record Person(UUID organisation, String email) {}

    private record Held(UUID id, String subject, String body) {}

    /** One pass: answers how many digests it queued. */
    int run(NotificationManagement notifications) {
        Instant now = clock.instant();
        List<Person> due =
                jdbc.sql(
                                "select organisation_id, email from notification_digest_item where"
                                        + " digested_at is null group by organisation_id, email"
                                        + " having min(created_at) <= ?")
                        .param(Timestamp.from(now.minus(DAY)))
                        .query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2)))
                        .list();
        int queued = 0;
        for (Person person : due) {
            if (Boolean.TRUE.equals(
                    transaction.execute(s -> digest(notifications, person, now, s)))) {
                queued++;
            }
        }
        return queued;
    }

    private boolean digest(
            NotificationManagement notifications,
            Person person,
            Instant now,
            TransactionStatus status) {
        List<Held> held = claim(person, now);
        if (held.isEmpty()) {
            status.setRollbackOnly();
            return false;
        }
        OrganisationId organisation = new OrganisationId(person.organisation());
        StringBuilder items = new StringBuilder();
        for (Held h : held) {
            items.append("\u2022 ")
                    .append(h.subject())
                    .append("\n\n")
                    .append(h.body().strip())
                    .append("\n\n");
        }
        Locale locale = Locale.ENGLISH;
        String subject =
                messages.getMessage(
                        "mail.daily-digest.subject", new Object[] {held.size()}, locale);
        String text =
                messages.getMessage(
                        "mail.daily-digest.text",
                        new Object[] {
                            held.size(),
                            items.toString(),
                            notifications.preferencesLink(organisation, person.email())
                        },
                        locale);
        return notifications.queueMail(
                organisation,
                "daily-digest:" + held.get(held.size() - 1).id(),
                person.email(),
                subject,
                text);
    }

    /**
     * The person's held items, each marked digested now; none if another pass took any of them
     * meanwhile (that pass sends them).
     */
    private List<Held> claim(Person person, Instant now) {
        List<Held> held =
                jdbc.sql(
                                "select id, subject, body from notification_digest_item where"
                                        + " organisation_id = ? and email = ? and digested_at is"
                                        + " null order by created_at, id")
                        .params(person.organisation(), person.email())
                        .query(
                                (rs, n) ->
                                        new Held(
                                                rs.getObject(1, UUID.class),
                                                rs.getString(2),
                                                rs.getString(3)))
                        .list();
        int claimed = 0;
        for (Held h : held) {
            claimed +=
                    jdbc.sql(
                                    "update notification_digest_item set digested_at = ? where id"
                                            + " = ? and digested_at is null")
                            .params(Timestamp.from(now), h.id())
                            .update();
        }
        return claimed < held.size() ? List.of() : held;
    }
}
