package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunView.Contribution;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.MatchRunView.Stats;
import io.tandem.matching.MatchRunView.Unmatched;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Match runs, their proposals, exclusions and published pairs; scoped by organisation. */
@Repository
class MatchRuns {

    private static final String RUN_COLUMNS =
            "id, program_id, objective, algorithm, status, progress, base_run_id, mentees, mentors,"
                    + " total_score, matched, unmatched, min_score, mean_score, max_score, cross_division,"
                    + " cross_location, cross_function, histogram, error, created_at, finished_at,"
                    + " published_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    MatchRuns(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    void insert(
            OrganisationId organisation,
            MatchRunId id,
            ProgramId program,
            Objective objective,
            Algorithm algorithm,
            MatchRunId base) {
        jdbc.sql(
                        "insert into match_run (id, organisation_id, program_id, objective, algorithm, status, progress, base_run_id, created_at, heartbeat_at)"
                                + " values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .params(
                        id.value(),
                        organisation.value(),
                        program.value(),
                        objective.name(),
                        algorithm.name(),
                        MatchRun.start().status().name(),
                        base == null ? null : base.value(),
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * The instance running these runs is alive: writes their heartbeat, and answers which of them
     * should stop (a cancel was asked for on any instance, or a sweep gave them up).
     */
    List<UUID> beat(List<UUID> running, Instant now) {
        if (running.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(running.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now));
        params.addAll(running);
        jdbc.sql(
                        "update match_run set heartbeat_at = ? where status = 'RUNNING' and id in ("
                                + in
                                + ")")
                .params(params)
                .update();
        return jdbc.sql(
                        "select id from match_run where (cancel_requested or status <> 'RUNNING')"
                                + " and id in ("
                                + in
                                + ")")
                .params(running.stream().map(Object.class::cast).toList())
                .query(UUID.class)
                .list();
    }

    /** Asks the run to stop, wherever it runs: it reads CANCELLED at once. False if not running. */
    boolean requestCancel(OrganisationId organisation, MatchRunId id) {
        return jdbc.sql(
                                "update match_run set cancel_requested = true, status = 'CANCELLED',"
                                        + " finished_at = ? where organisation_id = ? and id = ?"
                                        + " and status = 'RUNNING'")
                        .params(Timestamp.from(clock.instant()), organisation.value(), id.value())
                        .update()
                > 0;
    }

    /**
     * Marks FAILED every RUNNING run whose heartbeat is older than {@code cutoff}: its instance
     * died. One conditional update, so any number of instances may sweep at once. The runs the
     * sweeping instance itself holds are alive whatever their stored heartbeat says (a beat may
     * have waited on a lock), so it never gives those up.
     */
    int failAbandoned(Instant cutoff, String reason, Instant now, List<UUID> aliveHere) {
        List<Object> params = new ArrayList<>();
        params.add(reason);
        params.add(Timestamp.from(now));
        params.add(Timestamp.from(cutoff));
        params.addAll(aliveHere);
        return jdbc.sql(
                        "update match_run set status = 'FAILED', error = ?, finished_at = ?"
                                + " where status = 'RUNNING' and heartbeat_at < ?"
                                + (aliveHere.isEmpty()
                                        ? ""
                                        : " and id not in ("
                                                + String.join(
                                                        ", ",
                                                        java.util.Collections.nCopies(
                                                                aliveHere.size(), "?"))
                                                + ")"))
                .params(params)
                .update();
    }

    void progress(MatchRunId id, double progress) {
        jdbc.sql("update match_run set progress = ? where id = ? and status = 'RUNNING'")
                .params(progress, id.value())
                .update();
    }

    /** Writes how a run ended, unless it ended already (on another instance, say). */
    void end(MatchRunId id, MatchRun ended, String error) {
        jdbc.sql(
                        "update match_run set status = ?, error = ?, finished_at = ? where id = ? and status = 'RUNNING'")
                .params(
                        ended.status().name(),
                        error == null ? null : error.substring(0, Math.min(error.length(), 1000)),
                        Timestamp.from(clock.instant()),
                        id.value())
                .update();
    }

    /**
     * Writes the result; false when the run is no longer RUNNING (cancelled, or given up) or a
     * cancel was asked for, on any instance, before the result could be written.
     */
    boolean finish(MatchRunId id, Stats stats, long totalScore) {
        return jdbc.sql(
                                "update match_run set status = 'DONE', progress = 1, mentees = ?, mentors = ?, total_score = ?, matched = ?,"
                                        + " unmatched = ?, min_score = ?, mean_score = ?, max_score = ?, cross_division = ?, cross_location = ?,"
                                        + " cross_function = ?, histogram = ?, finished_at = ? where id = ? and status = 'RUNNING'"
                                        + " and cancel_requested = false")
                        .params(
                                stats.total(),
                                stats.mentors(),
                                totalScore,
                                stats.matched(),
                                stats.unmatched(),
                                stats.minScore(),
                                stats.meanScore(),
                                stats.maxScore(),
                                stats.crossDivision(),
                                stats.crossLocation(),
                                stats.crossFunction(),
                                String.join(
                                        ",",
                                        stats.histogram().stream().map(String::valueOf).toList()),
                                Timestamp.from(clock.instant()),
                                id.value())
                        .update()
                > 0;
    }

    /** Writes what a finished run proposes, replacing what was there. */
    void replaceProposals(MatchRunId id, List<Proposal> proposals, List<Unmatched> unmatched) {
        jdbc.sql("delete from match_proposal where run_id = ?").param(id.value()).update();
        jdbc.sql("delete from match_unmatched where run_id = ?").param(id.value()).update();
        List<Object[]> rows =
                proposals.stream()
                        .map(
                                p ->
                                        new Object[] {
                                            id.value(),
                                            p.menteeId().value(),
                                            p.mentorId().value(),
                                            p.score(),
                                            encode(p.explanation()),
                                            p.locked(),
                                            p.manual()
                                        })
                        .toList();
        for (int i = 0; i < rows.size(); i += 1000) {
            template.batchUpdate(
                    "insert into match_proposal (run_id, mentee_id, mentor_id, score, explanation, locked, manual) values (?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
        List<Object[]> missing =
                unmatched.stream()
                        .map(
                                u ->
                                        new Object[] {
                                            id.value(), u.menteeId().value(), u.reason().name()
                                        })
                        .toList();
        for (int i = 0; i < missing.size(); i += 1000) {
            template.batchUpdate(
                    "insert into match_unmatched (run_id, mentee_id, reason) values (?, ?, ?)",
                    missing.subList(i, Math.min(missing.size(), i + 1000)));
        }
    }

    Optional<MatchRunView> find(OrganisationId organisation, MatchRunId id, boolean withPairs) {
        return jdbc.sql(
                        "select "
                                + RUN_COLUMNS
                                + " from match_run where organisation_id = ? and id = ?")
                .params(organisation.value(), id.value())
                .query(
                        (rs, n) ->
                                run(
                                        rs,
                                        withPairs ? proposals(id) : List.of(),
                                        withPairs ? unmatched(id) : List.of()))
                .optional();
    }

    /** One page of the program's runs, newest first. */
    List<MatchRunView> forProgram(
            OrganisationId organisation, ProgramId program, long offset, int limit) {
        return jdbc.sql(
                        "select "
                                + RUN_COLUMNS
                                + " from match_run where organisation_id = ? and program_id = ?"
                                + " order by created_at desc, id limit ? offset ?")
                .params(organisation.value(), program.value(), limit, offset)
                .query((rs, n) -> run(rs, List.of(), List.of()))
                .list();
    }

    long countForProgram(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select count(*) from match_run where organisation_id = ? and program_id = ?")
                .params(organisation.value(), program.value())
                .query(Long.class)
                .single();
    }

    List<Proposal> proposals(MatchRunId id) {
        return jdbc.sql(
                        "select mentee_id, mentor_id, score, explanation, locked, manual from match_proposal where run_id = ? order by score desc, mentee_id")
                .param(id.value())
                .query(MatchRuns::proposal)
                .list();
    }

    /**
     * The proposals of the organisation's run for these mentees, explanations decoded when read:
     * one page of a review, not the whole run.
     */
    List<Proposal> proposals(
            OrganisationId organisation, MatchRunId id, java.util.Collection<PersonId> mentees) {
        if (mentees.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        mentees.forEach(m -> params.add(m.value()));
        params.add(id.value());
        params.add(organisation.value());
        // Joined to a list of the mentees, each found by the key (run, mentee): H2 tests a
        // "mentee_id in (…)" against every proposal of the run instead.
        return jdbc.sql(
                        "select p.mentee_id, p.mentor_id, p.score, p.explanation, p.locked, p.manual"
                                + " from (values "
                                + String.join(
                                        ", ", java.util.Collections.nCopies(mentees.size(), "(?)"))
                                + ") shown (mentee_id) join match_proposal p on p.run_id = ?"
                                + " and p.mentee_id = shown.mentee_id join match_run r"
                                + " on r.id = p.run_id where r.organisation_id = ?")
                .params(params)
                .query(MatchRuns::proposal)
                .list();
    }

    private static Proposal proposal(ResultSet rs, int n) throws SQLException {
        return new Proposal(
                new PersonId(rs.getObject(1, UUID.class)),
                new PersonId(rs.getObject(2, UUID.class)),
                rs.getInt(3),
                StoredExplanation.of(rs.getString(4)),
                rs.getBoolean(5),
                rs.getBoolean(6));
    }

    /** A row of mentee id, mentor id and score. */
    private static final RowMapper<PublishedPair> PUBLISHED_PAIR =
            (rs, n) ->
                    new PublishedPair(
                            new PersonId(rs.getObject(1, UUID.class)),
                            new PersonId(rs.getObject(2, UUID.class)),
                            rs.getInt(3));

    /** A row of mentee id and the reason they were left unmatched. */
    private static final RowMapper<Unmatched> UNMATCHED =
            (rs, n) ->
                    new Unmatched(
                            new PersonId(rs.getObject(1, UUID.class)),
                            UnmatchedReason.valueOf(rs.getString(2)));

    /**
     * The run's pairs and scores, without decoding each pair's explanation: what publishing needs.
     */
    List<PublishedPair> pairs(MatchRunId id) {
        return jdbc.sql(
                        "select mentee_id, mentor_id, score from match_proposal where run_id = ?"
                                + " order by score desc, mentee_id")
                .param(id.value())
                .query(PUBLISHED_PAIR)
                .list();
    }

    /** {@link #pairs(MatchRunId)} of the organisation's run (none for another's). */
    List<PublishedPair> pairs(OrganisationId organisation, MatchRunId id) {
        return jdbc.sql(
                        "select p.mentee_id, p.mentor_id, p.score from match_proposal p join"
                                + " match_run r on r.id = p.run_id where r.organisation_id = ? and"
                                + " p.run_id = ? order by p.score desc, p.mentee_id")
                .params(organisation.value(), id.value())
                .query(PUBLISHED_PAIR)
                .list();
    }

    /** {@link #unmatched(MatchRunId)} of the organisation's run (none for another's). */
    List<Unmatched> unmatched(OrganisationId organisation, MatchRunId id) {
        return jdbc.sql(
                        "select u.mentee_id, u.reason from match_unmatched u join match_run r on"
                                + " r.id = u.run_id where r.organisation_id = ? and u.run_id = ?"
                                + " order by u.mentee_id")
                .params(organisation.value(), id.value())
                .query(UNMATCHED)
                .list();
    }

    List<Unmatched> unmatched(MatchRunId id) {
        return jdbc.sql(
                        "select mentee_id, reason from match_unmatched where run_id = ? order by mentee_id")
                .param(id.value())
                .query(UNMATCHED)
                .list();
    }

    boolean setLocked(MatchRunId id, PersonId mentee, boolean locked) {
        return jdbc.sql("update match_proposal set locked = ? where run_id = ? and mentee_id = ?")
                        .params(locked, id.value(), mentee.value())
                        .update()
                > 0;
    }

    boolean removeProposal(MatchRunId id, PersonId mentee) {
        return jdbc.sql("delete from match_proposal where run_id = ? and mentee_id = ?")
                        .params(id.value(), mentee.value())
                        .update()
                > 0;
    }

    void addProposal(MatchRunId id, Proposal p) {
        jdbc.sql("delete from match_unmatched where run_id = ? and mentee_id = ?")
                .params(id.value(), p.menteeId().value())
                .update();
        jdbc.sql(
                        "insert into match_proposal (run_id, mentee_id, mentor_id, score, explanation, locked, manual) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        p.menteeId().value(),
                        p.mentorId().value(),
                        p.score(),
                        encode(p.explanation()),
                        p.locked(),
                        p.manual())
                .update();
    }

    void addUnmatched(MatchRunId id, PersonId mentee, UnmatchedReason reason) {
        jdbc.sql("delete from match_unmatched where run_id = ? and mentee_id = ?")
                .params(id.value(), mentee.value())
                .update();
        jdbc.sql("insert into match_unmatched (run_id, mentee_id, reason) values (?, ?, ?)")
                .params(id.value(), mentee.value(), reason.name())
                .update();
    }

    void exclude(OrganisationId organisation, ProgramId program, PersonId mentee, PersonId mentor) {
        jdbc.sql(
                        "delete from match_exclusion where program_id = ? and mentee_id = ? and mentor_id = ?")
                .params(program.value(), mentee.value(), mentor.value())
                .update();
        jdbc.sql(
                        "insert into match_exclusion (organisation_id, program_id, mentee_id, mentor_id) values (?, ?, ?, ?)")
                .params(organisation.value(), program.value(), mentee.value(), mentor.value())
                .update();
    }

    void unexclude(ProgramId program, PersonId mentee, PersonId mentor) {
        jdbc.sql(
                        "delete from match_exclusion where program_id = ? and mentee_id = ? and mentor_id = ?")
                .params(program.value(), mentee.value(), mentor.value())
                .update();
    }

    /** Pairs removed in this program plus every pair ever published in the organisation. */
    Set<List<PersonId>> excluded(
            OrganisationId organisation, ProgramId program, boolean pastPairs) {
        Set<List<PersonId>> pairs = new HashSet<>();
        jdbc.sql(
                        "select mentee_id, mentor_id from match_exclusion where organisation_id = ? and program_id = ?")
                .params(organisation.value(), program.value())
                .query(
                        rs -> {
                            pairs.add(
                                    List.of(
                                            new PersonId(rs.getObject(1, UUID.class)),
                                            new PersonId(rs.getObject(2, UUID.class))));
                        });
        if (pastPairs) {
            jdbc.sql("select mentee_id, mentor_id from published_pair where organisation_id = ?")
                    .param(organisation.value())
                    .query(
                            rs -> {
                                pairs.add(
                                        List.of(
                                                new PersonId(rs.getObject(1, UUID.class)),
                                                new PersonId(rs.getObject(2, UUID.class))));
                            });
        }
        return pairs;
    }

    /** Marks the run published, once: false when it already was. */
    boolean markPublished(OrganisationId organisation, MatchRunId id) {
        return jdbc.sql(
                                "update match_run set published_at = ? where organisation_id = ? and id = ? and status = 'DONE' and published_at is null")
                        .params(Timestamp.from(clock.instant()), organisation.value(), id.value())
                        .update()
                > 0;
    }

    /** Remembers the pairs as published, so no later run proposes them again; in batches. */
    void recordPublished(
            OrganisationId organisation, ProgramId program, List<PublishedPair> pairs) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> keys =
                pairs.stream()
                        .map(
                                p ->
                                        new Object[] {
                                            organisation.value(),
                                            program.value(),
                                            p.mentee().value(),
                                            p.mentor().value()
                                        })
                        .toList();
        List<Object[]> rows =
                keys.stream().map(k -> new Object[] {k[0], k[1], k[2], k[3], now}).toList();
        for (int i = 0; i < keys.size(); i += 1000) {
            template.batchUpdate(
                    "delete from published_pair where organisation_id = ? and program_id = ? and mentee_id = ? and mentor_id = ?",
                    keys.subList(i, Math.min(keys.size(), i + 1000)));
            template.batchUpdate(
                    "insert into published_pair (organisation_id, program_id, mentee_id, mentor_id, published_at) values (?, ?, ?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /** A pair's explanation as stored: a JSON array of its contributions. */
    private static String encode(List<Contribution> explanation) {
        return StoredExplanation.encode(explanation);
    }

    private static MatchRunView run(
            ResultSet rs, List<Proposal> proposals, List<Unmatched> unmatched) throws SQLException {
        MatchRunStatus status = MatchRunStatus.valueOf(rs.getString("status"));
        Stats stats = status == MatchRunStatus.DONE ? stats(rs) : null;
        UUID base = rs.getObject("base_run_id", UUID.class);
        return new MatchRunView(
                new MatchRunId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                status,
                rs.getDouble("progress"),
                Objective.valueOf(rs.getString("objective")),
                Algorithm.valueOf(rs.getString("algorithm")),
                base == null ? null : new MatchRunId(base),
                stats,
                proposals,
                unmatched,
                rs.getString("error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("published_at")));
    }

    /** A finished run's figures. */
    private static Stats stats(ResultSet rs) throws SQLException {
        int minScore = rs.getInt("min_score");
        Integer min = rs.wasNull() ? null : minScore;
        double mean = rs.getDouble("mean_score");
        Double meanScore = rs.wasNull() ? null : mean;
        String histogram = rs.getString("histogram");
        return new Stats(
                rs.getInt("mentees"),
                rs.getInt("matched"),
                rs.getInt("unmatched"),
                min,
                meanScore,
                rs.getLong("total_score"),
                rs.getInt("max_score"),
                histogram == null || histogram.isEmpty()
                        ? List.of()
                        : Arrays.stream(histogram.split(",")).map(Integer::valueOf).toList(),
                rs.getDouble("cross_division"),
                rs.getDouble("cross_location"),
                rs.getDouble("cross_function"),
                rs.getInt("mentors"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
