package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Self-match requests and the lock rows that serialise acceptances; scoped by organisation. */
@Repository
class SelfMatchRequests {

    /** A request as stored; {@link #status(Instant)} says what it is now. */
    record Request(
            RequestId id,
            OrganisationId organisationId,
            ProgramId programId,
            PersonId menteeId,
            PersonId mentorId,
            String message,
            int score,
            RequestStatus stored,
            String reason,
            Instant createdAt,
            Instant expiresAt,
            Instant decidedAt) {

        /** A request just sent: open until it expires, no answer yet. */
        static Request open(
                RequestId id,
                OrganisationId organisation,
                ProgramId program,
                PersonId mentee,
                PersonId mentor,
                String message,
                int score,
                Instant now,
                Instant expiresAt) {
            return new Request(
                    id,
                    organisation,
                    program,
                    mentee,
                    mentor,
                    message,
                    score,
                    RequestStatus.OPEN,
                    null,
                    now,
                    expiresAt,
                    null);
        }

        RequestStatus status(Instant now) {
            return stored == RequestStatus.OPEN && !now.isBefore(expiresAt)
                    ? RequestStatus.EXPIRED
                    : stored;
        }
    }

    enum Side {
        MENTEE,
        MENTOR
    }

    private static final String COLUMNS =
            "id, organisation_id, program_id, mentee_id, mentor_id, message, score, status, reason,"
                    + " created_at, expires_at, decided_at";

    private final JdbcClient jdbc;

    SelfMatchRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Request r) {
        jdbc.sql(
                        "insert into self_match_request ("
                                + COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        r.organisationId().value(),
                        r.programId().value(),
                        r.menteeId().value(),
                        r.mentorId().value(),
                        r.message(),
                        r.score(),
                        r.stored().name(),
                        r.reason(),
                        Timestamp.from(r.createdAt()),
                        Timestamp.from(r.expiresAt()),
                        r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()))
                .update();
    }

    Optional<Request> find(OrganisationId organisation, RequestId id) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from self_match_request where organisation_id = ? and id = ?")
                .params(organisation.value(), id.value())
                .query(SelfMatchRequests::map)
                .optional();
    }

    /** The requests the person sent or received, newest first, from {@code offset}. */
    List<Request> forPerson(OrganisationId organisation, PersonId person, long offset, int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from self_match_request where organisation_id = ?"
                                + " and (mentee_id = ? or mentor_id = ?)"
                                + " order by created_at desc, id limit ? offset ?")
                .params(organisation.value(), person.value(), person.value(), limit, offset)
                .query(SelfMatchRequests::map)
                .list();
    }

    long countForPerson(OrganisationId organisation, PersonId person) {
        return jdbc.sql(
                        "select count(*) from self_match_request where organisation_id = ?"
                                + " and (mentee_id = ? or mentor_id = ?)")
                .params(organisation.value(), person.value(), person.value())
                .query(Long.class)
                .single();
    }

    /**
     * One page of the requests the person received as a mentor, or sent as a mentee, newest first.
     */
    List<Request> page(
            OrganisationId organisation, PersonId person, boolean received, int offset, int size) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from self_match_request where organisation_id = ? and "
                                + (received ? "mentor_id" : "mentee_id")
                                + " = ? order by created_at desc, id limit ? offset ?")
                .params(organisation.value(), person.value(), size, offset)
                .query(SelfMatchRequests::map)
                .list();
    }

    /**
     * The person's newest requests still waiting for an answer, at most {@code limit} received (as
     * a mentor) and {@code limit} sent (as a mentee), in one statement.
     */
    List<Request> open(OrganisationId organisation, PersonId person, int limit) {
        String side =
                "select "
                        + COLUMNS
                        + " from self_match_request where organisation_id = ? and %s = ?"
                        + " and status = 'OPEN' order by created_at desc, id limit ?";
        return jdbc.sql(
                        "select * from (("
                                + side.formatted("mentor_id")
                                + ") union all ("
                                + side.formatted("mentee_id")
                                + ")) open_both_ways order by created_at desc, id")
                .params(
                        organisation.value(),
                        person.value(),
                        limit,
                        organisation.value(),
                        person.value(),
                        limit)
                .query(SelfMatchRequests::map)
                .list();
    }

    long count(OrganisationId organisation, PersonId person, boolean received) {
        return count(organisation, person, received, false);
    }

    /** How many requests the person received or sent; {@code openOnly}: still waiting. */
    long count(OrganisationId organisation, PersonId person, boolean received, boolean openOnly) {
        return jdbc.sql(
                        "select count(*) from self_match_request where organisation_id = ? and "
                                + (received ? "mentor_id" : "mentee_id")
                                + " = ?"
                                + (openOnly ? " and status = 'OPEN'" : ""))
                .params(organisation.value(), person.value())
                .query(Long.class)
                .single();
    }

    /** The mentee's requests in the program that can still be answered, by mentor. */
    Map<PersonId, RequestId> openFrom(ProgramId program, PersonId mentee, Instant now) {
        Map<PersonId, RequestId> open = new HashMap<>();
        jdbc.sql(
                        "select mentor_id, id from self_match_request where program_id = ?"
                                + " and mentee_id = ? and status = 'OPEN' and expires_at > ?")
                .params(program.value(), mentee.value(), Timestamp.from(now))
                .query(
                        rs -> {
                            open.put(
                                    new PersonId(rs.getObject(1, UUID.class)),
                                    new RequestId(rs.getObject(2, UUID.class)));
                        });
        return open;
    }

    /** Open → ACCEPTED, unless it was answered or expired meanwhile. */
    boolean accept(RequestId id, Instant now) {
        return jdbc.sql(
                                "update self_match_request set status = 'ACCEPTED', decided_at = ?"
                                        + " where id = ? and status = 'OPEN' and expires_at > ?")
                        .params(Timestamp.from(now), id.value(), Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean decline(RequestId id, String reason, Instant now) {
        return jdbc.sql(
                                "update self_match_request set status = 'DECLINED', reason = ?, decided_at = ?"
                                        + " where id = ? and status = 'OPEN' and expires_at > ?")
                        .params(reason, Timestamp.from(now), id.value(), Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean withdraw(RequestId id, Instant now) {
        return jdbc.sql(
                                "update self_match_request set status = 'WITHDRAWN', decided_at = ?"
                                        + " where id = ? and status = 'OPEN' and expires_at > ?")
                        .params(Timestamp.from(now), id.value(), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Withdraws every open request the mentee has in the program; returns how many. */
    int withdrawOpen(ProgramId program, PersonId mentee, Instant now) {
        return jdbc.sql(
                        "update self_match_request set status = 'WITHDRAWN', decided_at = ?"
                                + " where program_id = ? and mentee_id = ? and status = 'OPEN'")
                .params(Timestamp.from(now), program.value(), mentee.value())
                .update();
    }

    /** Writes EXPIRED on open requests past their time; returns how many. */
    int expireOverdue(Instant now) {
        return jdbc.sql(
                        "update self_match_request set status = 'EXPIRED', decided_at = expires_at"
                                + " where status = 'OPEN' and expires_at <= ?")
                .param(Timestamp.from(now))
                .update();
    }

    /** Withdraws the open requests of the mentees a run published; none for a request. */
    int withdrawOpenOfRun(ProgramId program, java.util.UUID run, Instant now) {
        return jdbc.sql(
                        "update self_match_request set status = 'WITHDRAWN', decided_at = ?"
                                + " where program_id = ? and status = 'OPEN' and mentee_id in"
                                + " (select mentee_id from match_proposal where run_id = ?)")
                .params(Timestamp.from(now), program.value(), run)
                .update();
    }

    /**
     * Makes sure the lock row exists. Run it outside the transaction that locks the row: on
     * PostgreSQL a failed insert would spoil that transaction.
     */
    void ensureLock(ProgramId program, PersonId person, Side side) {
        try {
            jdbc.sql(
                            "insert into self_match_lock (program_id, person_id, side)"
                                    + " select ?, ?, ? where not exists (select 1 from self_match_lock"
                                    + " where program_id = ? and person_id = ? and side = ?)")
                    .params(
                            program.value(),
                            person.value(),
                            side.name(),
                            program.value(),
                            person.value(),
                            side.name())
                    .update();
        } catch (DuplicateKeyException e) {
            // another request created it at the same moment: it exists, which is all we need
        }
    }

    /** Locks the row until the current transaction ends, waiting for whoever holds it. */
    void lock(ProgramId program, PersonId person, Side side) {
        jdbc.sql(
                        "select person_id from self_match_lock where program_id = ? and person_id = ?"
                                + " and side = ? for update")
                .params(program.value(), person.value(), side.name())
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .single();
    }

    private static Request map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Request(
                new RequestId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("mentee_id", UUID.class)),
                new PersonId(rs.getObject("mentor_id", UUID.class)),
                rs.getString("message"),
                rs.getInt("score"),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
