package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings, their outcomes and notes; every query scoped by organisation. */
@Repository
class Meetings {

    static final String COLUMNS =
            "id, organisation_id, mentorship_id, organiser_id, attendee_id, title, agenda,"
                    + " starts_at, ends_at, zone, recurrence, place, location, sequence, status,"
                    + " response, created_at";

    private static final String FEED_COLUMNS = COLUMNS.replaceAll("(\\w+)", "m.$1");

    /** One occurrence's answer. */
    record Outcome(Instant occursAt, boolean held, PersonId answeredBy, Instant answeredAt) {}

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Meeting m, Instant now) {
        jdbc.sql(
                        "insert into meeting ("
                                + COLUMNS
                                + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?, ?)")
                .params(
                        m.id(),
                        m.organisationId().value(),
                        m.mentorshipId() == null ? null : m.mentorshipId().value(),
                        m.organiserId().value(),
                        m.attendeeId().value(),
                        m.title(),
                        m.agenda(),
                        Timestamp.from(m.startsAt()),
                        Timestamp.from(m.endsAt()),
                        m.zone(),
                        m.recurrence().name(),
                        m.place().name(),
                        m.location(),
                        m.sequence(),
                        m.status().name(),
                        m.response().name(),
                        Timestamp.from(m.createdAt()),
                        Timestamp.from(now))
                .update();
    }

    /**
     * Saves a changed meeting if nobody changed it since {@code seen} was read: the sequence is the
     * version, so two people moving one meeting at once cannot both win.
     */
    boolean update(Meeting m, int seen, Instant now) {
        return jdbc.sql(
                                "update meeting set title = ?, agenda = ?, starts_at = ?, ends_at = ?,"
                                        + " zone = ?, recurrence = ?, sequence = ?, status = ?,"
                                        + " response = ?, updated_at = ? where id = ? and"
                                        + " organisation_id = ? and sequence = ?")
                        .params(
                                m.title(),
                                m.agenda(),
                                Timestamp.from(m.startsAt()),
                                Timestamp.from(m.endsAt()),
                                m.zone(),
                                m.recurrence().name(),
                                m.sequence(),
                                m.status().name(),
                                m.response().name(),
                                Timestamp.from(now),
                                m.id(),
                                m.organisationId().value(),
                                seen)
                        .update()
                == 1;
    }

    Optional<Meeting> find(OrganisationId organisation, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from meeting where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(Meetings::map)
                .optional();
    }

    List<Meeting> ofMentorship(OrganisationId organisation, MentorshipId mentorship) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from meeting where organisation_id = ? and mentorship_id = ?"
                                + " order by starts_at, id")
                .params(organisation.value(), mentorship.value())
                .query(Meetings::map)
                .list();
    }

    /** When a meeting keeps the pair busy: all a slot proposal needs of it. */
    record Busy(Instant startsAt, Instant endsAt, String zone, Recurrence recurrence) {}

    /**
     * The pair's meetings that may keep them busy between {@code from} and {@code to}: repeating
     * ones, and one-off ones overlapping that time; cancelled ones left out.
     */
    List<Busy> busy(
            OrganisationId organisation, MentorshipId mentorship, Instant from, Instant to) {
        return jdbc.sql(
                        "select starts_at, ends_at, zone, recurrence from meeting"
                                + " where organisation_id = ? and mentorship_id = ? and status <> ?"
                                + " and (recurrence <> ? or (ends_at >= ? and starts_at < ?))")
                .params(
                        organisation.value(),
                        mentorship.value(),
                        MeetingStatus.CANCELLED.name(),
                        Recurrence.NONE.name(),
                        Timestamp.from(from),
                        Timestamp.from(to))
                .query(
                        (rs, n) ->
                                new Busy(
                                        rs.getTimestamp(1).toInstant(),
                                        rs.getTimestamp(2).toInstant(),
                                        rs.getString(3),
                                        Recurrence.valueOf(rs.getString(4))))
                .list();
    }

    /** A cancellation as the pair's timeline shows it; {@code by} null for a program manager. */
    record Cancellation(String title, PersonId by, Instant at) {}

    /** Records who cancelled the meeting and when (the meeting's status changes separately). */
    void markCancelled(OrganisationId organisation, UUID meeting, PersonId by, Instant at) {
        jdbc.sql(
                        "update meeting set cancelled_at = ?, cancelled_by = ? where organisation_id = ?"
                                + " and id = ?")
                .params(
                        Timestamp.from(at),
                        by == null ? null : by.value(),
                        organisation.value(),
                        meeting)
                .update();
    }

    /**
     * A pair's meetings, who cancelled which, and each meeting's occurrences recorded as held, by
     * meeting id.
     */
    record OfPair(
            List<Meeting> meetings,
            List<Cancellation> cancellations,
            Map<UUID, List<Outcome>> held) {}

    private static final String OF_PAIR =
            "select "
                    + FEED_COLUMNS
                    + ", m.cancelled_by, m.cancelled_at, o.occurs_at, o.held, o.answered_by,"
                    + " o.answered_at from meeting m left join meeting_outcome o on o.meeting_id ="
                    + " m.id and o.organisation_id = m.organisation_id and o.held = true where"
                    + " m.organisation_id = ? and m.mentorship_id = ? order by m.starts_at, m.id,"
                    + " o.occurs_at";

    /**
     * The pair's meetings ({@link #ofMentorship}), their cancellations and their held occurrences
     * in one statement (a row a held occurrence): the workspace's section and timeline show them on
     * every visit.
     */
    OfPair ofPair(OrganisationId organisation, MentorshipId mentorship) {
        List<Cancellation> cancellations = new ArrayList<>();
        List<Meeting> meetings = new ArrayList<>();
        Map<UUID, List<Outcome>> held = new HashMap<>();
        jdbc.sql(OF_PAIR)
                .params(organisation.value(), mentorship.value())
                .query(
                        rs -> {
                            UUID id = rs.getObject("id", UUID.class);
                            if (meetings.isEmpty()
                                    || !meetings.get(meetings.size() - 1).id().equals(id)) {
                                Meeting meeting = map(rs, 0);
                                meetings.add(meeting);
                                Timestamp at = rs.getTimestamp("cancelled_at");
                                if (at != null) {
                                    UUID by = rs.getObject("cancelled_by", UUID.class);
                                    cancellations.add(
                                            new Cancellation(
                                                    meeting.title(),
                                                    by == null ? null : new PersonId(by),
                                                    at.toInstant()));
                                }
                            }
                            if (rs.getTimestamp("occurs_at") != null) {
                                held.computeIfAbsent(id, k -> new ArrayList<>())
                                        .add(outcome(rs, 0));
                            }
                        });
        return new OfPair(List.copyOf(meetings), List.copyOf(cancellations), held);
    }

    /** Everything a person organises or attends, cancelled ones included (the feed shows them). */
    /** A feed's owner and their meetings, as one statement reads them. */
    record FeedRows(CalendarFeeds.Owner owner, List<Meeting> meetings) {}

    /**
     * The owner of the feed the secret opens and every meeting they organise or are invited to that
     * repeats or ends after {@code since}, in one statement; empty for an unknown secret.
     */
    Optional<FeedRows> feed(String secret, Instant since) {
        CalendarFeeds.Owner[] owner = {null};
        List<Meeting> found = new ArrayList<>();
        jdbc.sql(
                        "select f.organisation_id as feed_organisation, f.person_id as feed_person, "
                                + FEED_COLUMNS
                                + " from calendar_feed f left join meeting m"
                                + " on m.organisation_id = f.organisation_id"
                                + " and (m.organiser_id = f.person_id or m.attendee_id = f.person_id)"
                                + " and (m.recurrence <> 'NONE' or m.ends_at >= ?)"
                                + " where f.secret = ? order by m.starts_at, m.id")
                .params(Timestamp.from(since), secret)
                .query(
                        rs -> {
                            owner[0] =
                                    new CalendarFeeds.Owner(
                                            new OrganisationId(
                                                    rs.getObject("feed_organisation", UUID.class)),
                                            new PersonId(rs.getObject("feed_person", UUID.class)));
                            if (rs.getObject("id") != null) {
                                found.add(map(rs, found.size()));
                            }
                        });
        return owner[0] == null ? Optional.empty() : Optional.of(new FeedRows(owner[0], found));
    }

    List<Meeting> ofPerson(OrganisationId organisation, PersonId person) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from meeting where organisation_id = ? and (organiser_id = ?"
                                + " or attendee_id = ?) order by starts_at, id")
                .params(organisation.value(), person.value(), person.value())
                .query(Meetings::map)
                .list();
    }

    /** Records an occurrence's answer; true when the occurrence was not recorded as held before. */
    boolean recordOutcome(
            OrganisationId organisation,
            UUID meeting,
            Instant occursAt,
            boolean held,
            PersonId by,
            Instant now) {
        int inserted =
                jdbc.sql(
                                "insert into meeting_outcome (meeting_id, occurs_at, organisation_id,"
                                        + " held, answered_by, answered_at) values (?, ?, ?, ?, ?, ?)"
                                        + " on conflict do nothing")
                        .params(
                                meeting,
                                Timestamp.from(occursAt),
                                organisation.value(),
                                held,
                                by.value(),
                                Timestamp.from(now))
                        .update();
        return inserted == 1 ? held : changeOutcome(meeting, occursAt, held, by, now);
    }

    /**
     * An occurrence answered before, answered again; true only for the change from "did not take
     * place" to "took place", the one that is news.
     */
    private boolean changeOutcome(
            UUID meeting, Instant occursAt, boolean held, PersonId by, Instant now) {
        if (held) {
            return jdbc.sql(
                                    "update meeting_outcome set held = true, answered_by = ?,"
                                            + " answered_at = ? where meeting_id = ? and occurs_at = ?"
                                            + " and held = false")
                            .params(
                                    by.value(),
                                    Timestamp.from(now),
                                    meeting,
                                    Timestamp.from(occursAt))
                            .update()
                    == 1;
        }
        jdbc.sql(
                        "update meeting_outcome set held = false, answered_by = ?, answered_at = ?"
                                + " where meeting_id = ? and occurs_at = ?")
                .params(by.value(), Timestamp.from(now), meeting, Timestamp.from(occursAt))
                .update();
        return false;
    }

    List<Outcome> outcomes(OrganisationId organisation, UUID meeting) {
        return jdbc.sql(
                        "select occurs_at, held, answered_by, answered_at from meeting_outcome"
                                + " where organisation_id = ? and meeting_id = ? order by occurs_at")
                .params(organisation.value(), meeting)
                .query(Meetings::outcome)
                .list();
    }

    private static Outcome outcome(ResultSet rs, int n) throws SQLException {
        return new Outcome(
                rs.getTimestamp("occurs_at").toInstant(),
                rs.getBoolean("held"),
                new PersonId(rs.getObject("answered_by", UUID.class)),
                rs.getTimestamp("answered_at").toInstant());
    }

    void addNote(
            OrganisationId organisation,
            UUID meeting,
            PersonId author,
            boolean shared,
            String body,
            Instant now) {
        jdbc.sql(
                        "insert into meeting_note (id, organisation_id, meeting_id, author_id, shared,"
                                + " body, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        meeting,
                        author.value(),
                        shared,
                        body,
                        Timestamp.from(now))
                .update();
    }

    /** The notes {@code reader} may read: shared ones and their own private ones. */
    List<MeetingNote> notes(OrganisationId organisation, UUID meeting, PersonId reader) {
        return jdbc.sql(
                        "select id, author_id, shared, body, created_at from meeting_note"
                                + " where organisation_id = ? and meeting_id = ?"
                                + " and (shared = true or author_id = ?) order by created_at, id")
                .params(organisation.value(), meeting, reader.value())
                .query(
                        (rs, n) ->
                                new MeetingNote(
                                        rs.getObject("id", UUID.class),
                                        new PersonId(rs.getObject("author_id", UUID.class)),
                                        rs.getBoolean("shared"),
                                        rs.getString("body"),
                                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Meeting map(ResultSet rs, int row) throws SQLException {
        UUID mentorship = rs.getObject("mentorship_id", UUID.class);
        return new Meeting(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                mentorship == null ? null : new MentorshipId(mentorship),
                new PersonId(rs.getObject("organiser_id", UUID.class)),
                new PersonId(rs.getObject("attendee_id", UUID.class)),
                new Meeting.Details(
                        rs.getString("title"),
                        rs.getString("agenda"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("zone"),
                        Recurrence.valueOf(rs.getString("recurrence")),
                        Place.valueOf(rs.getString("place")),
                        rs.getString("location")),
                rs.getInt("sequence"),
                MeetingStatus.valueOf(rs.getString("status")),
                Response.valueOf(rs.getString("response")),
                rs.getTimestamp("created_at").toInstant());
    }
}
