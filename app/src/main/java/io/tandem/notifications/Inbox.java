package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import io.tandem.web.LayoutCount;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notifications, by recipient e-mail; scoped by organisation. */
@Repository
class Inbox {

    private static final String INSERT =
            "insert into inbox_item (id, organisation_id, dedup_key, recipient_email, text, link,"
                    + " created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final Clock clock;

    Inbox(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An item to add: its key, recipient, text and link. */
    record Item(String dedupKey, String email, String text, String link) {}

    /** Adds the items in one batch, each unless one with the same key exists. */
    void addAll(OrganisationId organisation, List<Item> items) {
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate(
                INSERT,
                items.stream()
                        .map(
                                item ->
                                        new Object[] {
                                            UUID.randomUUID(),
                                            organisation.value(),
                                            item.dedupKey(),
                                            key(item.email()),
                                            item.text(),
                                            item.link(),
                                            now
                                        })
                        .toList());
    }

    /** Adds the item, unless one with the same key exists; true if it added. */
    boolean add(
            OrganisationId organisation, String dedupKey, String email, String text, String link) {
        return jdbc.sql(INSERT)
                        .params(
                                UUID.randomUUID(),
                                organisation.value(),
                                dedupKey,
                                key(email),
                                text,
                                link,
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    List<InboxItemView> latest(OrganisationId organisation, String email, long offset, int limit) {
        return jdbc.sql(
                        "select id, text, link, created_at, read_at from inbox_item where organisation_id = ? and recipient_email = ?"
                                + " order by created_at desc, id limit ? offset ?")
                .params(organisation.value(), key(email), limit, offset)
                .query(
                        (rs, n) ->
                                new InboxItemView(
                                        rs.getObject(1, UUID.class),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getTimestamp(4).toInstant(),
                                        rs.getTimestamp(5) == null
                                                ? null
                                                : rs.getTimestamp(5).toInstant()))
                .list();
    }

    long count(OrganisationId organisation, String email) {
        return jdbc.sql(
                        "select count(*) from inbox_item where organisation_id = ? and recipient_email = ?")
                .params(organisation.value(), key(email))
                .query(Long.class)
                .single();
    }

    private static final String UNREAD =
            "select count(*) from inbox_item where organisation_id = ? and recipient_email = ? and read_at is null";

    long unread(OrganisationId organisation, String email) {
        return unreadCount(organisation, email).getValue();
    }

    /** The unread count as every page's layout reads it: with the page's other counts. */
    LayoutCount unreadCount(OrganisationId organisation, String email) {
        return new LayoutCount(
                jdbc,
                () -> new LayoutCount.Query(UNREAD, List.of(organisation.value(), key(email))));
    }

    void markRead(OrganisationId organisation, String email) {
        jdbc.sql(
                        "update inbox_item set read_at = ? where organisation_id = ? and recipient_email = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), organisation.value(), key(email))
                .update();
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
