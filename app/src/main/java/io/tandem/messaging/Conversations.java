package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import io.tandem.web.LayoutCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations, their members' read positions and their messages; scoped by organisation. */
@Repository
class Conversations {

    record Row(
            UUID id,
            OrganisationId organisation,
            MentorshipId mentorship,
            ProgramId program,
            PersonId mentor,
            long lastSeq) {}

    record Report(MessageView message, PersonId reporter, Instant reportedAt) {}

    private static final String MESSAGE_COLUMNS =
            "id, conversation_id, seq, event_seq, author_id, body, created_at, edited_at,"
                    + " deleted_at, hidden_at";

    private final JdbcClient jdbc;

    private final Clock clock;

    Conversations(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Optional<Row> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                        "select id, organisation_id, mentorship_id, program_id, mentor_id, last_seq"
                                + " from conversation where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Conversations::row)
                .optional();
    }

    /** A conversation and its members, ordered by person id. */
    record WithMembers(Row row, List<PersonId> members) {}

    /**
     * A conversation, its members, their unread counts and its newest messages, oldest of them
     * first.
     */
    record Glimpse(WithMembers found, Map<PersonId, Long> unread, List<MessageView> latest) {}

    /**
     * {@link #glimpse}'s statement: the conversation, a row a member, and the latest messages on
     * the mentor's member row.
     */
    private static final String GLIMPSE =
            "select c.id, c.organisation_id, c.mentorship_id, c.program_id, c.mentor_id,"
                    + " c.last_seq, m.person_id, m.unread_count, "
                    + MESSAGE_COLUMNS.replaceAll("(\\w+)", "x.$1")
                    + " from conversation c left join conversation_member m on m.conversation_id"
                    + " = c.id and m.organisation_id = c.organisation_id left join (select "
                    + MESSAGE_COLUMNS
                    + " from message where conversation_id = ? order by seq desc limit ?) x on"
                    + " m.person_id = c.mentor_id where c.organisation_id = ? and c.id = ?"
                    + " order by m.person_id, x.seq";

    /**
     * The conversation, its members, their unread counts and its newest {@code latest} messages in
     * one statement: the pair's workspace shows them on every visit. The messages ride on the
     * mentor's member row (the mentor is a member of every conversation, a pair's or a circle's),
     * so each comes once; empty when the conversation does not exist.
     */
    Optional<Glimpse> glimpse(OrganisationId organisation, UUID id, int latest) {
        // Members in person order, each once (the mentor's row comes once a message).
        Map<PersonId, Long> unread = new LinkedHashMap<>();
        List<MessageView> messages = new ArrayList<>();
        List<Row> rows =
                jdbc.sql(GLIMPSE)
                        .params(id, latest, organisation.value(), id)
                        .query(
                                (rs, n) -> {
                                    UUID member = rs.getObject(7, UUID.class);
                                    if (member != null) {
                                        unread.putIfAbsent(new PersonId(member), rs.getLong(8));
                                    }
                                    if (rs.getObject(9) != null) {
                                        messages.add(messageAfter(rs, 8));
                                    }
                                    return row(rs, n);
                                })
                        .list();
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new Glimpse(
                                new WithMembers(rows.get(0), List.copyOf(unread.keySet())),
                                unread,
                                List.copyOf(messages)));
    }

    /** A conversation with one member's read position, in one statement. */
    record Seen(Row row, long readSeq, long unread) {}

    /**
     * The conversation as its member sees it; empty when it does not exist or they are not in it.
     */
    Optional<Seen> seenBy(OrganisationId organisation, UUID id, PersonId person) {
        return jdbc.sql(
                        "select c.id, c.organisation_id, c.mentorship_id, c.program_id,"
                                + " c.mentor_id, c.last_seq, cm.read_seq, cm.unread_count from"
                                + " conversation c join conversation_member cm on"
                                + " cm.conversation_id = c.id and cm.person_id = ? where"
                                + " c.organisation_id = ? and c.id = ?")
                .params(person.value(), organisation.value(), id)
                .query((rs, n) -> new Seen(row(rs, n), rs.getLong(7), rs.getLong(8)))
                .optional();
    }

    /** Creates the conversation unless it exists (ids are derived, so a race creates one). */
    void create(Row row) {
        jdbc.sql(
                        "insert into conversation (id, organisation_id, mentorship_id, program_id,"
                                + " mentor_id, last_seq, created_at) values (?, ?, ?, ?, ?, 0, ?)"
                                + " on conflict do nothing")
                .params(
                        row.id(),
                        row.organisation().value(),
                        row.mentorship() == null ? null : row.mentorship().value(),
                        row.program().value(),
                        row.mentor().value(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** A new member has read nothing yet: everyone else's messages so far are unread. */
    void addMember(OrganisationId organisation, UUID conversation, PersonId person) {
        jdbc.sql(
                        "insert into conversation_member (conversation_id, person_id,"
                                + " organisation_id, read_seq, digested_seq, unread_count) values"
                                + " (?, ?, ?, 0, 0, (select count(*) from message where"
                                + " conversation_id = ? and author_id <> ? and deleted_at is null"
                                + " and hidden_at is null)) on conflict do nothing")
                .params(
                        conversation,
                        person.value(),
                        organisation.value(),
                        conversation,
                        person.value())
                .update();
    }

    List<PersonId> members(UUID conversation) {
        return jdbc.sql(
                        "select person_id from conversation_member where conversation_id = ?"
                                + " order by person_id")
                .param(conversation)
                .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
                .list();
    }

    boolean isMember(UUID conversation, PersonId person) {
        return jdbc.sql(
                                "select count(*) from conversation_member where conversation_id = ?"
                                        + " and person_id = ?")
                        .params(conversation, person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The conversations the person is in, newest activity first. */
    List<Row> of(OrganisationId organisation, PersonId person) {
        return jdbc.sql(
                        "select c.id, c.organisation_id, c.mentorship_id, c.program_id, c.mentor_id,"
                                + " c.last_seq from conversation c join conversation_member m on"
                                + " m.conversation_id = c.id where c.organisation_id = ? and"
                                + " m.person_id = ? order by c.last_seq desc, c.id")
                .params(organisation.value(), person.value())
                .query(Conversations::row)
                .list();
    }

    /**
     * Locks the conversation row until the transaction ends: posts and changes in one conversation
     * take their numbers one after the other, on every instance.
     */
    void lock(UUID conversation) {
        jdbc.sql("select last_seq from conversation where id = ? for update")
                .param(conversation)
                .query(Long.class)
                .single();
    }

    /** The next event number of a locked conversation. */
    long nextSeq(UUID conversation) {
        jdbc.sql("update conversation set last_seq = last_seq + 1 where id = ?")
                .param(conversation)
                .update();
        return jdbc.sql("select last_seq from conversation where id = ?")
                .param(conversation)
                .query(Long.class)
                .single();
    }

    long lastSeq(UUID conversation) {
        return jdbc.sql("select last_seq from conversation where id = ?")
                .param(conversation)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    Optional<MessageView> byClientId(UUID conversation, PersonId author, UUID clientId) {
        return jdbc.sql(
                        "select "
                                + MESSAGE_COLUMNS
                                + " from message where conversation_id = ? and author_id = ? and"
                                + " client_id = ?")
                .params(conversation, author.value(), clientId)
                .query(Conversations::message)
                .optional();
    }

    void insert(
            OrganisationId organisation,
            UUID id,
            UUID conversation,
            long seq,
            PersonId author,
            UUID clientId,
            String body,
            Instant at) {
        jdbc.sql(
                        "insert into message (id, organisation_id, conversation_id, seq, event_seq,"
                                + " author_id, client_id, body, created_at) values (?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?)")
                .params(
                        id,
                        organisation.value(),
                        conversation,
                        seq,
                        seq,
                        author.value(),
                        clientId,
                        body,
                        Timestamp.from(at))
                .update();
        jdbc.sql(
                        "update conversation_member set unread_count = unread_count + 1 where"
                                + " conversation_id = ? and person_id <> ?")
                .params(conversation, author.value())
                .update();
    }

    Optional<MessageView> message(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                        "select "
                                + MESSAGE_COLUMNS
                                + " from message where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Conversations::message)
                .optional();
    }

    /** The newest {@code limit} messages before position {@code before}, oldest first. */
    List<MessageView> page(UUID conversation, long before, int limit) {
        List<MessageView> messages =
                new java.util.ArrayList<>(
                        jdbc.sql(
                                        "select "
                                                + MESSAGE_COLUMNS
                                                + " from message where conversation_id = ? and seq < ?"
                                                + " order by seq desc limit ?")
                                .params(conversation, before, limit)
                                .query(Conversations::message)
                                .list());
        java.util.Collections.reverse(messages);
        return messages;
    }

    /** Messages changed after event {@code after}, in event order. */
    List<MessageView> changesAfter(UUID conversation, long after, int limit) {
        return jdbc.sql(
                        "select "
                                + MESSAGE_COLUMNS
                                + " from message where conversation_id = ? and event_seq > ?"
                                + " order by event_seq limit ?")
                .params(conversation, after, limit)
                .query(Conversations::message)
                .list();
    }

    void edit(UUID id, String body, long eventSeq, Instant at) {
        jdbc.sql("update message set body = ?, edited_at = ?, event_seq = ? where id = ?")
                .params(body, Timestamp.from(at), eventSeq, id)
                .update();
    }

    /** Deleting keeps the place in the conversation and forgets the words. */
    void delete(MessageView message, long eventSeq, Instant at) {
        jdbc.sql("update message set body = '', deleted_at = ?, event_seq = ? where id = ?")
                .params(Timestamp.from(at), eventSeq, message.id())
                .update();
        uncount(message);
    }

    void hide(MessageView message, long eventSeq, Instant at) {
        jdbc.sql("update message set hidden_at = ?, event_seq = ? where id = ?")
                .params(Timestamp.from(at), eventSeq, message.id())
                .update();
        uncount(message);
    }

    /** A message that stops showing stops counting for those who had not read it yet. */
    private void uncount(MessageView message) {
        if (message.deleted() || message.hidden()) {
            return;
        }
        jdbc.sql(
                        "update conversation_member set unread_count = unread_count - 1 where"
                                + " conversation_id = ? and person_id <> ? and read_seq < ? and"
                                + " unread_count > 0")
                .params(message.conversationId(), message.authorId().value(), message.seq())
                .update();
    }

    /** Whether the person has not read up to the conversation's latest change yet. */
    boolean behind(UUID conversation, PersonId person) {
        return jdbc.sql(
                                "select count(*) from conversation_member cm join conversation c"
                                        + " on c.id = cm.conversation_id where cm.conversation_id"
                                        + " = ? and cm.person_id = ? and cm.read_seq < c.last_seq")
                        .params(conversation, person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Moves the read position to the latest change of a locked conversation (so no post slips in
     * between) and clears the count; answers whether it moved (false: all was read).
     */
    boolean markRead(UUID conversation, PersonId person) {
        return jdbc.sql(
                                "update conversation_member set read_seq = (select last_seq from"
                                        + " conversation where id = ?), unread_count = 0 where"
                                        + " conversation_id = ? and person_id = ? and read_seq <"
                                        + " (select last_seq from conversation where id = ?)")
                        .params(conversation, conversation, person.value(), conversation)
                        .update()
                > 0;
    }

    /** Unread messages per conversation (others' messages after the read position), kept count. */
    Map<UUID, Long> unread(OrganisationId organisation, PersonId person) {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql(
                        "select conversation_id, unread_count from conversation_member where"
                                + " organisation_id = ? and person_id = ? and unread_count > 0")
                .params(organisation.value(), person.value())
                .query(
                        rs -> {
                            counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                        });
        return counts;
    }

    /** The person's unread messages over all their conversations, for every page's layout. */
    LayoutCount.Query unreadTotal(OrganisationId organisation, PersonId person) {
        return new LayoutCount.Query(
                "select cast(coalesce(sum(unread_count), 0) as bigint) from conversation_member"
                        + " where organisation_id = ? and person_id = ? and unread_count > 0",
                List.of(organisation.value(), person.value()));
    }

    LayoutCount unreadCount(OrganisationId organisation, Supplier<Optional<PersonId>> person) {
        return new LayoutCount(
                jdbc, () -> person.get().map(p -> unreadTotal(organisation, p)).orElse(null));
    }

    /** The person's unread messages in one conversation. */
    long unread(UUID conversation, PersonId person) {
        return jdbc.sql(
                        "select unread_count from conversation_member where conversation_id = ?"
                                + " and person_id = ?")
                .params(conversation, person.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    boolean report(OrganisationId organisation, UUID message, PersonId reporter) {
        return jdbc.sql(
                                "insert into message_report (message_id, reporter_id,"
                                        + " organisation_id, reported_at) values (?, ?, ?, ?) on"
                                        + " conflict do nothing")
                        .params(
                                message,
                                reporter.value(),
                                organisation.value(),
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** Open reports of messages in the given programs, oldest first. */
    /**
     * Open reports of the organisation, or only of the conversations of these programs ({@code
     * null}: every program).
     */
    List<Report> openReports(
            OrganisationId organisation, Collection<UUID> programs, long offset, int limit) {
        if (programs != null && programs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select m.id, m.conversation_id, m.seq, m.event_seq, m.author_id, m.body,"
                                + " m.created_at, m.edited_at, m.deleted_at, m.hidden_at,"
                                + " r.reporter_id, r.reported_at"
                                + OPEN_REPORTS
                                + (programs == null ? "" : " and c.program_id in (:programs)")
                                + " order by r.reported_at, m.id, r.reporter_id"
                                + " limit :limit offset :offset")
                .param("org", organisation.value())
                .params(programs == null ? Map.of() : Map.of("programs", programs))
                .param("limit", limit)
                .param("offset", offset)
                .query(
                        (rs, n) ->
                                new Report(
                                        message(rs, n),
                                        new PersonId(rs.getObject(11, UUID.class)),
                                        rs.getTimestamp(12).toInstant()))
                .list();
    }

    long countOpenReports(OrganisationId organisation, Collection<UUID> programs) {
        if (programs != null && programs.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        "select count(*)"
                                + OPEN_REPORTS
                                + (programs == null ? "" : " and c.program_id in (:programs)"))
                .param("org", organisation.value())
                .params(programs == null ? Map.of() : Map.of("programs", programs))
                .query(Long.class)
                .single();
    }

    private static final String OPEN_REPORTS =
            " from message_report r join message m on m.id = r.message_id join conversation c"
                    + " on c.id = m.conversation_id where r.organisation_id = :org"
                    + " and r.resolved_at is null";

    boolean reported(OrganisationId organisation, UUID message) {
        return jdbc.sql(
                                "select count(*) from message_report where organisation_id = ? and"
                                        + " message_id = ?")
                        .params(organisation.value(), message)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void resolveReports(UUID message, Instant at) {
        jdbc.sql(
                        "update message_report set resolved_at = ? where message_id = ? and"
                                + " resolved_at is null")
                .params(Timestamp.from(at), message)
                .update();
    }

    long count(OrganisationId organisation, UUID conversation) {
        return jdbc.sql(
                        "select count(*) from message where organisation_id = ? and"
                                + " conversation_id = ?")
                .params(organisation.value(), conversation)
                .query(Long.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID mentorship = rs.getObject(3, UUID.class);
        return new Row(
                rs.getObject(1, UUID.class),
                new OrganisationId(rs.getObject(2, UUID.class)),
                mentorship == null ? null : new MentorshipId(mentorship),
                new ProgramId(rs.getObject(4, UUID.class)),
                new PersonId(rs.getObject(5, UUID.class)),
                rs.getLong(6));
    }

    static MessageView message(ResultSet rs, int n) throws SQLException {
        return messageAfter(rs, 0);
    }

    /** A message whose {@link #MESSAGE_COLUMNS} start after column {@code before}. */
    private static MessageView messageAfter(ResultSet rs, int before) throws SQLException {
        Instant deleted = instant(rs.getTimestamp(before + 9));
        Instant hidden = instant(rs.getTimestamp(before + 10));
        return new MessageView(
                rs.getObject(before + 1, UUID.class),
                rs.getObject(before + 2, UUID.class),
                rs.getLong(before + 3),
                rs.getLong(before + 4),
                new PersonId(rs.getObject(before + 5, UUID.class)),
                deleted != null || hidden != null ? null : rs.getString(before + 6),
                rs.getTimestamp(before + 7).toInstant(),
                instant(rs.getTimestamp(before + 8)),
                deleted,
                hidden);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
