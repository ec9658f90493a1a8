package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.notifications.Delivery;
import io.tandem.notifications.NotificationKind;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One mail for a person's unread messages once the oldest is older than {@code
 * tandem.messaging.digest-delay} (a day for people who chose the daily digest, none for "in the app
 * only"), instead of one mail per message. A member's {@code digested_seq} remembers what a digest
 * covered, so each message is in one digest at most; the job runs on one instance at a time through
 * the cluster's scheduler, and the mail's key makes a repeated run write nothing.
 */
@Component
class Digests {

    static final Duration DAILY = Duration.ofDays(1);

    record Pending(
            OrganisationId organisation,
            PersonId person,
            UUID conversation,
            long count,
            Instant oldest,
            long lastSeq) {}

    private final JdbcClient jdbc;
    private final PeopleManagement people;
    private final NotificationManagement notifications;
    private final MessageSource messages;
    private final MessagingProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Digests(
            JdbcClient jdbc,
            PeopleManagement people,
            NotificationManagement notifications,
            MessageSource messages,
            MessagingProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.notifications = notifications;
        this.messages = messages;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** One pass; answers how many digest mails it queued. */
    int run() {
        Instant now = clock.instant();
        Map<List<Object>, List<Pending>> byPerson = new LinkedHashMap<>();
        for (Pending p : pending(now.minus(properties.digestDelay()))) {
            byPerson.computeIfAbsent(List.of(p.organisation(), p.person()), k -> new ArrayList<>())
                    .add(p);
        }
        int queued = 0;
        for (List<Pending> mine : byPerson.values()) {
            Boolean sent = transaction.execute(status -> digest(mine, now));
            if (Boolean.TRUE.equals(sent)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean digest(List<Pending> mine, Instant now) {
        Pending first = mine.get(0);
        PersonSummary person = people.find(first.organisation(), first.person()).orElse(null);
        if (person == null || person.email() == null) {
            return false;
        }
        Delivery choice =
                notifications.delivery(
                        first.organisation(), person.email(), NotificationKind.NEW_MESSAGE);
        Instant oldest = mine.stream().map(Pending::oldest).min(Instant::compareTo).orElseThrow();
        if (choice == Delivery.DAILY_DIGEST && oldest.isAfter(now.minus(DAILY))) {
            return false;
        }
        markDigested(mine);
        return choice != Delivery.IN_APP && queueMail(mine, person);
    }

    /** Each message is in one digest at most, even for people who read them in the app only. */
    private void markDigested(List<Pending> mine) {
        for (Pending p : mine) {
            jdbc.sql(
                            "update conversation_member set digested_seq = ? where conversation_id"
                                    + " = ? and person_id = ? and digested_seq < ?")
                    .params(p.lastSeq(), p.conversation(), p.person().value(), p.lastSeq())
                    .update();
        }
    }

    /** The digest mail, with one line per conversation; false when its key was queued before. */
    private boolean queueMail(List<Pending> mine, PersonSummary person) {
        Pending first = mine.get(0);
        Locale locale = Locale.ENGLISH;
        long total = mine.stream().mapToLong(Pending::count).sum();
        StringBuilder lines = new StringBuilder();
        for (Pending p : mine) {
            lines.append(
                            messages.getMessage(
                                    "mail.digest.line",
                                    new Object[] {
                                        p.count(),
                                        others(p),
                                        notifications.link("/conversations/" + p.conversation())
                                    },
                                    locale))
                    .append('\n');
        }
        String text =
                messages.getMessage(
                        "mail.digest.text",
                        new Object[] {
                            person.firstName(),
                            total,
                            lines.toString(),
                            notifications.link("/conversations"),
                            notifications.preferencesLink(first.organisation(), person.email())
                        },
                        locale);
        String subject = messages.getMessage("mail.digest.subject", new Object[] {total}, locale);
        return notifications.queueUnsubscribableMail(
                first.organisation(),
                dedupKey(mine),
                person.email(),
                subject,
                text,
                notifications.unsubscribeLink(
                        first.organisation(), person.email(), NotificationKind.NEW_MESSAGE));
    }

    /**
     * The mail's key: the person and each conversation with its position (seq numbers alone repeat
     * across conversations), hashed when long.
     */
    private static String dedupKey(List<Pending> mine) {
        StringBuilder key = new StringBuilder("messaging-digest:" + mine.get(0).person().value());
        for (Pending p : mine) {
            key.append(':').append(p.conversation()).append('@').append(p.lastSeq());
        }
        return key.length() > 200
                ? "messaging-digest:" + UUID.nameUUIDFromBytes(key.toString().getBytes())
                : key.toString();
    }

    /** The other people in the conversation, by name. */
    private String others(Pending p) {
        List<PersonId> members =
                jdbc.sql("select person_id from conversation_member where conversation_id = ?")
                        .param(p.conversation())
                        .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
                        .list();
        return String.join(
                ", ",
                people.findAll(p.organisation(), members).values().stream()
                        .filter(s -> !s.id().equals(p.person()))
                        .map(PersonSummary::name)
                        .sorted()
                        .toList());
    }

    /** Per member and conversation: unread, undigested messages from others, the oldest due. */
    private List<Pending> pending(Instant dueBefore) {
        return jdbc.sql(
                        "select cm.organisation_id, cm.person_id, cm.conversation_id, count(*),"
                                + " min(m.created_at), max(m.seq) from conversation_member cm join"
                                + " message m on cm.unread_count > 0 and m.conversation_id ="
                                + " cm.conversation_id and m.seq >"
                                + " cm.read_seq and m.seq > cm.digested_seq and m.author_id <>"
                                + " cm.person_id and m.deleted_at is null and m.hidden_at is null"
                                + " group by cm.organisation_id, cm.person_id, cm.conversation_id"
                                + " having min(m.created_at) <= ?"
                                + " order by cm.organisation_id, cm.person_id, cm.conversation_id")
                .param(Timestamp.from(dueBefore))
                .query(
                        (rs, n) ->
                                new Pending(
                                        new OrganisationId(rs.getObject(1, UUID.class)),
                                        new PersonId(rs.getObject(2, UUID.class)),
                                        rs.getObject(3, UUID.class),
                                        rs.getLong(4),
                                        rs.getTimestamp(5).toInstant(),
                                        rs.getLong(6)))
                .list();
    }
}
