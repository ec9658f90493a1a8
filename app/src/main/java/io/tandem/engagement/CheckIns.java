package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-in and survey answers; read back only by their author, or as aggregates. */
@Repository
class CheckIns {

    /** The ratings of one question across a program, for aggregates only. */
    record Ratings(String question, List<Integer> values) {}

    private final JdbcClient jdbc;

    CheckIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(
            OrganisationId organisation,
            ProgramId program,
            MentorshipId mentorship,
            PersonId person,
            CheckInKind kind,
            int period,
            CheckInAnswer a,
            Instant at) {
        return jdbc.sql(
                                "insert into check_in_answer (id, organisation_id, program_id, mentorship_id, person_id,"
                                        + " kind, cadence_period, met, usefulness, goal_progress, blocking, share_blocking,"
                                        + " awareness, connection, ideas, answered_at)"
                                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                UUID.randomUUID(),
                                organisation.value(),
                                program.value(),
                                mentorship.value(),
                                person.value(),
                                kind.name(),
                                period,
                                a.met(),
                                a.usefulness(),
                                a.goalProgress(),
                                a.blocking(),
                                a.shareBlocking(),
                                a.awareness(),
                                a.connection(),
                                a.ideas(),
                                Timestamp.from(at))
                        .update()
                == 1;
    }

    /**
     * How often each rating (1 to 5, at index 0 to 4) was given to each question of this kind in
     * the program (no person, no pair), counted by the database.
     */
    Map<String, int[]> ratings(OrganisationId organisation, ProgramId program, CheckInKind kind) {
        List<String> questions =
                kind.survey()
                        ? List.of("awareness", "connection", "ideas")
                        : List.of("usefulness", "goal_progress");
        Map<String, int[]> result = new java.util.LinkedHashMap<>();
        for (String q : questions) {
            int[] counts = new int[5];
            jdbc.sql(
                            "select "
                                    + q
                                    + ", count(*) from check_in_answer where organisation_id = ? and program_id = ?"
                                    + " and kind = ? and "
                                    + q
                                    + " is not null group by "
                                    + q)
                    .params(organisation.value(), program.value(), kind.name())
                    .query(
                            (org.springframework.jdbc.core.RowCallbackHandler)
                                    rs -> counts[rs.getInt(1) - 1] += rs.getInt(2));
            result.put(q, counts);
        }
        return result;
    }

    /** One answer's ratings and day, for the outcomes over time; no person, no text. */
    record Rated(
            CheckInKind kind,
            java.time.LocalDate day,
            Integer usefulness,
            Integer goalProgress,
            Integer awareness,
            Integer connection,
            Integer ideas) {}

    /**
     * The answers of one kind on one day, counted by the database: how many, and per question
     * (usefulness, goal progress, awareness, connection, ideas) how many rated it and their sum.
     */
    record RatedDay(
            CheckInKind kind, java.time.LocalDate day, int answers, long[] rated, long[] sums) {}

    /** The program's answers since {@code since}, summed per kind and day. */
    List<RatedDay> ratedDaily(OrganisationId organisation, ProgramId program, Instant since) {
        return jdbc.sql(
                        "select kind, cast(answered_at as date), count(*),"
                                + " count(usefulness), sum(usefulness), count(goal_progress), sum(goal_progress),"
                                + " count(awareness), sum(awareness), count(connection), sum(connection),"
                                + " count(ideas), sum(ideas) from check_in_answer where"
                                + " organisation_id = ? and program_id = ? and answered_at >= ?"
                                + " group by kind, cast(answered_at as date)")
                .params(organisation.value(), program.value(), Timestamp.from(since))
                .query(
                        (rs, n) -> {
                            long[] rated = new long[5];
                            long[] sums = new long[5];
                            for (int q = 0; q < 5; q++) {
                                rated[q] = rs.getLong(4 + 2 * q);
                                sums[q] = rs.getLong(5 + 2 * q);
                            }
                            return new RatedDay(
                                    CheckInKind.valueOf(rs.getString(1)),
                                    rs.getObject(2, java.time.LocalDate.class),
                                    rs.getInt(3),
                                    rated,
                                    sums);
                        })
                .list();
    }

    /** Every program's answers since {@code since}, one by one, by program. */
    Map<ProgramId, List<Rated>> ratedSince(OrganisationId organisation, Instant since) {
        Map<ProgramId, List<Rated>> byProgram = new java.util.HashMap<>();
        jdbc.sql(
                        "select kind, cast(answered_at as date), usefulness, goal_progress,"
                                + " awareness, connection, ideas, program_id from check_in_answer"
                                + " where organisation_id = ? and answered_at >= ?")
                .params(organisation.value(), Timestamp.from(since))
                .query(
                        (org.springframework.jdbc.core.RowCallbackHandler)
                                rs ->
                                        byProgram
                                                .computeIfAbsent(
                                                        new ProgramId(rs.getObject(8, UUID.class)),
                                                        k -> new java.util.ArrayList<>())
                                                .add(rated(rs)));
        return byProgram;
    }

    private static Rated rated(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Rated(
                CheckInKind.valueOf(rs.getString(1)),
                rs.getObject(2, java.time.LocalDate.class),
                (Integer) rs.getObject(3),
                (Integer) rs.getObject(4),
                (Integer) rs.getObject(5),
                (Integer) rs.getObject(6),
                (Integer) rs.getObject(7));
    }

    /** What people chose to share with the program team about what blocks them, newest first. */
    List<String> sharedBlocking(OrganisationId organisation, ProgramId program, int limit) {
        return jdbc.sql(
                        "select blocking from check_in_answer where organisation_id = ? and program_id = ?"
                                + " and share_blocking = true and blocking is not null order by answered_at desc limit ?")
                .params(organisation.value(), program.value(), limit)
                .query(String.class)
                .list();
    }
}
