package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pairs engagement follows and what each did; every read scoped by organisation. */
@Repository
class PairActivities {

    record ProgramRef(OrganisationId organisation, ProgramId program) {}

    // The latest meeting, message, activity and check-in come from pair_summary, kept as they are
    // recorded: one row per pair instead of walking its activity rows and check-in answers.
    private static final String FACTS_COLUMNS =
            "select p.mentorship_id, p.program_id, p.mentor_id, p.mentee_id, p.started_at,"
                    + " s.last_meeting_at, s.last_message_at, s.last_activity_at, s.usefulness,"
                    + " s.goal_progress,"
                    + " p.health, p.last_auto_nudge_at, p.warned_at";

    private static final String FACTS_FROM =
            " from engaged_pair p left join pair_summary s on s.mentorship_id = p.mentorship_id"
                    + " and s.organisation_id = p.organisation_id";

    private static final String FACTS = FACTS_COLUMNS + FACTS_FROM + " where p.organisation_id = ?";

    /** The day an activity counts for: the date of its stored timestamp. */
    private static final String DAY = "cast(cast(? as timestamp) as date)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PairActivities(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A pair a publish started. */
    record NewPair(MentorshipId mentorship, PersonId mentor, PersonId mentee) {}

    /**
     * Follows a publish's pairs and records each one's {@code STARTED}, as {@link #follow} and
     * {@link #record} do for one pair, in a few statements per thousand pairs instead of about ten
     * per pair. The pairs' summary rows are locked first, as recording an activity locks them, so a
     * pair's activities recorded meanwhile are counted once; a pair followed already adds nothing.
     */
    void followAll(
            OrganisationId organisation, ProgramId program, List<NewPair> pairs, Instant at) {
        Timestamp now = ts(at);
        for (int from = 0; from < pairs.size(); from += BATCH) {
            follow(
                    organisation,
                    program,
                    pairs.subList(from, Math.min(pairs.size(), from + BATCH)),
                    now);
        }
    }

    private void follow(
            OrganisationId organisation, ProgramId program, List<NewPair> batch, Timestamp now) {
        template.batchUpdate(
                "insert into engaged_pair (mentorship_id, organisation_id, program_id, mentor_id,"
                        + " mentee_id, started_at, health, health_since)"
                        + " values (?, ?, ?, ?, ?, ?, 'ON_TRACK', ?) on conflict do nothing",
                rows(
                        batch,
                        p ->
                                new Object[] {
                                    p.mentorship().value(),
                                    organisation.value(),
                                    program.value(),
                                    p.mentor().value(),
                                    p.mentee().value(),
                                    now,
                                    now
                                }));
        template.batchUpdate(
                "insert into pair_summary (mentorship_id, organisation_id) values (?, ?)"
                        + " on conflict do nothing",
                rows(batch, p -> new Object[] {p.mentorship().value(), organisation.value()}));
        Map<UUID, UUID> placed = lockSummaries(organisation, batch);
        List<NewPair> unplaced =
                batch.stream().filter(p -> placed.get(p.mentorship().value()) == null).toList();
        template.batchUpdate(
                "update pair_summary set program_id = ? where organisation_id = ? and mentorship_id = ?",
                rows(
                        unplaced,
                        p ->
                                new Object[] {
                                    program.value(), organisation.value(), p.mentorship().value()
                                }));
        countEarlier(organisation, program, unplaced);
        startAll(organisation, program, batch, now);
    }

    private static final int BATCH = 500;

    /**
     * The activities of a batch of pairs (an array of their ids, then the organisation), found by
     * pair in the key (organisation_id, mentorship_id, occurred_at). Written as {@code
     * organisation_id = ? and mentorship_id in (...)}, H2 uses only the key's first column and
     * reads every activity of the organisation for each batch (7,501 rows to find 250 in a
     * 7,500-pair organisation); joined from the list, it looks each pair up. An outer join, because
     * H2 keeps an outer join's order: with an inner join it sometimes put the organisation's
     * activities outside and the list inside, reading the whole list again for each activity (in a
     * profile of a 7,552-pair publish, most of the engagement listener's time). Callers drop the
     * list's ids that found nothing ({@code a.id is not null}, or any condition on {@code a}). The
     * same statement on PostgreSQL, which plans it as an inner join.
     */
    private static final String ACTIVITIES_OF_PAIRS =
            "unnest(cast(? as uuid array)) p(id) left join pair_activity a"
                    + " on a.organisation_id = ? and a.mentorship_id = p.id";

    /** Locks the pairs' summary rows; each pair's program so far (absent while there is none). */
    private Map<UUID, UUID> lockSummaries(OrganisationId organisation, List<NewPair> pairs) {
        Map<UUID, UUID> programs = new HashMap<>();
        jdbc.sql(
                        "select mentorship_id, program_id from pair_summary where organisation_id = ?"
                                + " and mentorship_id in ("
                                + marks(pairs.size())
                                + ") order by mentorship_id for update")
                .params(withIds(organisation.value(), pairs))
                .query(
                        (RowCallbackHandler)
                                rs ->
                                        programs.put(
                                                rs.getObject(1, UUID.class),
                                                rs.getObject(2, UUID.class)));
        return programs;
    }

    /** Counts in the program's days what the newly placed pairs did before they were placed. */
    private void countEarlier(OrganisationId organisation, ProgramId program, List<NewPair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        jdbc.sql(
                        "select a.kind, a.occurred_at from "
                                + ACTIVITIES_OF_PAIRS
                                + " where a.id is not null order by a.occurred_at, a.kind")
                .params(ids(pairs), organisation.value())
                .query(
                        (RowCallbackHandler)
                                rs ->
                                        countDay(
                                                organisation,
                                                program,
                                                rs.getString(1),
                                                rs.getTimestamp(2)));
    }

    /** Records STARTED for the pairs that have none yet: their summaries and the program's day. */
    private void startAll(
            OrganisationId organisation, ProgramId program, List<NewPair> pairs, Timestamp now) {
        Set<UUID> started = new HashSet<>();
        jdbc.sql("select a.mentorship_id from " + ACTIVITIES_OF_PAIRS + " where a.kind = 'STARTED'")
                .params(ids(pairs), organisation.value())
                .query((RowCallbackHandler) rs -> started.add(rs.getObject(1, UUID.class)));
        List<NewPair> fresh =
                pairs.stream().filter(p -> !started.contains(p.mentorship().value())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "insert into pair_activity (id, organisation_id, mentorship_id, kind, source_id, occurred_at)"
                        + " values (?, ?, ?, 'STARTED', ?, ?) on conflict do nothing",
                rows(
                        fresh,
                        p ->
                                new Object[] {
                                    UUID.randomUUID(),
                                    organisation.value(),
                                    p.mentorship().value(),
                                    p.mentorship().value(),
                                    now
                                }));
        template.batchUpdate(
                "update pair_summary set last_activity_at = "
                        + latest("last_activity_at")
                        + " where organisation_id = ? and mentorship_id = ?",
                rows(
                        fresh,
                        p ->
                                new Object[] {
                                    now, now, organisation.value(), p.mentorship().value()
                                }));
        countDay(organisation, program, ActivityKind.STARTED.name(), now, fresh.size());
    }

    private static List<Object[]> rows(List<NewPair> pairs, Function<NewPair, Object[]> row) {
        return pairs.stream().map(row).toList();
    }

    private static UUID[] ids(List<NewPair> pairs) {
        return pairs.stream().map(p -> p.mentorship().value()).toArray(UUID[]::new);
    }

    private static Object[] withIds(UUID organisation, List<NewPair> pairs) {
        Object[] params = new Object[pairs.size() + 1];
        params[0] = organisation;
        for (int i = 0; i < pairs.size(); i++) {
            params[i + 1] = pairs.get(i).mentorship().value();
        }
        return params;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Records an activity once per (pair, kind, source); true if it is new. */
    boolean record(
            OrganisationId organisation,
            MentorshipId mentorship,
            ActivityKind kind,
            UUID source,
            Instant at) {
        boolean added =
                jdbc.sql(
                                        "insert into pair_activity (id, organisation_id, mentorship_id, kind, source_id, occurred_at)"
                                                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                                .params(
                                        UUID.randomUUID(),
                                        organisation.value(),
                                        mentorship.value(),
                                        kind.name(),
                                        source,
                                        ts(at))
                                .update()
                        == 1;
        if (added) {
            summarise(organisation, mentorship, kind, at);
        }
        return added;
    }

    /**
     * Adds a new activity to the pair's summary and, once the pair is followed, to its program's
     * day. Only a newly inserted activity gets here, so a redelivered event counts once; counts add
     * and latest times take the maximum, so the order of events does not matter.
     */
    /** The pair summary's counter an activity of this kind moves, if any. */
    private static String counter(ActivityKind kind) {
        return switch (kind) {
            case AGREEMENT_SIGNED -> "agreements = agreements + 1";
            case MEETING, REPORTED_MEETING ->
                    "meetings = meetings + 1, last_meeting_at = " + latest("last_meeting_at");
            case MESSAGE ->
                    "messages = messages + 1, last_message_at = " + latest("last_message_at");
            case GOAL_ACHIEVED -> "goals = goals + 1";
            case STARTED, ENDED -> null;
        };
    }

    private void summarise(
            OrganisationId organisation, MentorshipId mentorship, ActivityKind kind, Instant at) {
        summaryRow(organisation, mentorship);
        String column = counter(kind);
        List<String> sets = new java.util.ArrayList<>();
        List<Object> params = new java.util.ArrayList<>();
        if (column != null) {
            sets.add(column);
            if (column.contains("?")) {
                params.add(ts(at));
                params.add(ts(at));
            }
        }
        if (kind.counts()) {
            sets.add("last_activity_at = " + latest("last_activity_at"));
            params.add(ts(at));
            params.add(ts(at));
        }
        if (sets.isEmpty()) {
            // Still lock the row: the program is read below under the same lock as follow()'s.
            sets.add("organisation_id = organisation_id");
        }
        params.add(organisation.value());
        params.add(mentorship.value());
        jdbc.sql(
                        "update pair_summary set "
                                + String.join(", ", sets)
                                + " where organisation_id = ? and mentorship_id = ?")
                .params(params)
                .update();
        jdbc.sql(
                        "select program_id from pair_summary where organisation_id = ? and mentorship_id = ?"
                                + " and program_id is not null")
                .params(organisation.value(), mentorship.value())
                .query((rs, n) -> new ProgramId(rs.getObject(1, UUID.class)))
                .optional()
                .ifPresent(program -> countDay(organisation, program, kind.name(), ts(at)));
    }

    /**
     * Keeps the pair's latest check-in (kind CHECK_IN) in its summary: an answer given at the same
     * instant as the one kept replaces it, an older one does not.
     */
    void checkedIn(
            OrganisationId organisation,
            MentorshipId mentorship,
            Instant at,
            Integer usefulness,
            Integer goalProgress) {
        summaryRow(organisation, mentorship);
        jdbc.sql(
                        "update pair_summary set checked_in_at = ?, usefulness = ?, goal_progress = ?"
                                + " where organisation_id = ? and mentorship_id = ?"
                                + " and (checked_in_at is null or checked_in_at <= ?)")
                .params(
                        ts(at),
                        usefulness,
                        goalProgress,
                        organisation.value(),
                        mentorship.value(),
                        ts(at))
                .update();
    }

    private static String latest(String column) {
        return "case when "
                + column
                + " is null or "
                + column
                + " < ? then ? else "
                + column
                + " end";
    }

    private void summaryRow(OrganisationId organisation, MentorshipId mentorship) {
        jdbc.sql(
                        "insert into pair_summary (mentorship_id, organisation_id) values (?, ?)"
                                + " on conflict do nothing")
                .params(mentorship.value(), organisation.value())
                .update();
    }

    private void countDay(
            OrganisationId organisation, ProgramId program, String kind, Timestamp at) {
        countDay(organisation, program, kind, at, 1);
    }

    private void countDay(
            OrganisationId organisation, ProgramId program, String kind, Timestamp at, int n) {
        jdbc.sql(
                        "insert into program_activity_day (organisation_id, program_id, activity_on, kind,"
                                + " activities) values (?, ?, "
                                + DAY
                                + ", ?, 0) on conflict do nothing")
                .params(organisation.value(), program.value(), at, kind)
                .update();
        jdbc.sql(
                        "update program_activity_day set activities = activities + ?"
                                + " where program_id = ? and activity_on = "
                                + DAY
                                + " and kind = ? and organisation_id = ?")
                .params(n, program.value(), at, kind, organisation.value())
                .update();
    }

    void end(OrganisationId organisation, MentorshipId mentorship, boolean completed, Instant at) {
        jdbc.sql(
                        "update engaged_pair set ended_at = ?, completed = ? where organisation_id = ?"
                                + " and mentorship_id = ? and ended_at is null")
                .params(ts(at), completed, organisation.value(), mentorship.value())
                .update();
    }

    /** The program's active pairs with their facts. */
    List<PairFacts> facts(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        FACTS
                                + " and p.ended_at is null and p.program_id = ? order by p.started_at, p.mentorship_id")
                .params(organisation.value(), program.value())
                .query(PairActivities::facts)
                .list();
    }

    /** Every active pair of the organisation with its facts, in one pass over all programs. */
    List<PairFacts> facts(OrganisationId organisation) {
        return jdbc.sql(FACTS + " and p.ended_at is null")
                .params(organisation.value())
                .query(PairActivities::facts)
                .list();
    }

    java.util.Optional<PairFacts> fact(OrganisationId organisation, MentorshipId mentorship) {
        return jdbc.sql(FACTS + " and p.ended_at is null and p.mentorship_id = ?")
                .params(organisation.value(), mentorship.value())
                .query(PairActivities::facts)
                .optional();
    }

    /** The pair, active or ended. */
    java.util.Optional<PairFacts> anyFact(OrganisationId organisation, MentorshipId mentorship) {
        return jdbc.sql(FACTS + " and p.mentorship_id = ?")
                .params(organisation.value(), mentorship.value())
                .query(PairActivities::facts)
                .optional();
    }

    /** The pair and the periods in which one of the two answered a kind of check-in. */
    record FactAnswered(PairFacts pair, Set<Integer> periods) {}

    /**
     * {@link #fact} (or {@link #anyFact} when {@code ended} pairs count too) with the periods in
     * which {@code person} answered a check-in of {@code kind}, in one statement: one row per
     * answer, or one with no period.
     */
    java.util.Optional<FactAnswered> factAnswered(
            OrganisationId organisation,
            MentorshipId mentorship,
            boolean ended,
            PersonId person,
            String kind) {
        PairFacts[] pair = {null};
        Set<Integer> periods = new HashSet<>();
        jdbc.sql(
                        FACTS_COLUMNS
                                + ", a.cadence_period"
                                + FACTS_FROM
                                + " left join check_in_answer a on a.organisation_id = p.organisation_id"
                                + " and a.mentorship_id = p.mentorship_id and a.person_id = ?"
                                + " and a.kind = ? where p.organisation_id = ?"
                                + (ended ? "" : " and p.ended_at is null")
                                + " and p.mentorship_id = ?")
                .params(person.value(), kind, organisation.value(), mentorship.value())
                .query(
                        (RowCallbackHandler)
                                rs -> {
                                    pair[0] = facts(rs, 0);
                                    int period = rs.getInt(14);
                                    if (!rs.wasNull()) {
                                        periods.add(period);
                                    }
                                });
        return java.util.Optional.ofNullable(pair[0])
                .map(found -> new FactAnswered(found, Set.copyOf(periods)));
    }

    /** Programs with active pairs, across organisations, for the scheduled jobs. */
    List<ProgramRef> programsWithActivePairs() {
        return jdbc.sql(
                        "select distinct organisation_id, program_id from engaged_pair where ended_at is null")
                .query(
                        (rs, n) ->
                                new ProgramRef(
                                        new OrganisationId(rs.getObject(1, UUID.class)),
                                        new ProgramId(rs.getObject(2, UUID.class))))
                .list();
    }

    void health(OrganisationId organisation, MentorshipId mentorship, Health health, Instant at) {
        jdbc.sql(
                        "update engaged_pair set health = ?, health_since = ? where organisation_id = ?"
                                + " and mentorship_id = ? and health <> ?")
                .params(
                        health.name(),
                        ts(at),
                        organisation.value(),
                        mentorship.value(),
                        health.name())
                .update();
    }

    /**
     * Claims the pair's automatic nudge when none was sent since {@code notBefore}: one conditional
     * update, so two instances (or two runs) never both claim it.
     */
    boolean claimAutoNudge(
            OrganisationId organisation, MentorshipId mentorship, Instant at, Instant notBefore) {
        return jdbc.sql(
                                "update engaged_pair set last_auto_nudge_at = ? where organisation_id = ?"
                                        + " and mentorship_id = ? and (last_auto_nudge_at is null or last_auto_nudge_at <= ?)")
                        .params(ts(at), organisation.value(), mentorship.value(), ts(notBefore))
                        .update()
                == 1;
    }

    void nudged(
            OrganisationId organisation, MentorshipId mentorship, boolean automatic, Instant at) {
        jdbc.sql(
                        "insert into nudge (id, organisation_id, mentorship_id, automatic, sent_at) values (?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        mentorship.value(),
                        automatic,
                        ts(at))
                .update();
    }

    int nudges(OrganisationId organisation, MentorshipId mentorship, boolean automatic) {
        return jdbc.sql(
                        "select count(*) from nudge where organisation_id = ? and mentorship_id = ? and automatic = ?")
                .params(organisation.value(), mentorship.value(), automatic)
                .query(Integer.class)
                .single();
    }

    /** Marks the warning once; true if this call set it. */
    boolean warn(OrganisationId organisation, MentorshipId mentorship, Instant at) {
        return jdbc.sql(
                                "update engaged_pair set warned_at = ? where organisation_id = ? and mentorship_id = ?"
                                        + " and warned_at is null and ended_at is null")
                        .params(ts(at), organisation.value(), mentorship.value())
                        .update()
                == 1;
    }

    void clearWarning(OrganisationId organisation, MentorshipId mentorship) {
        jdbc.sql(
                        "update engaged_pair set warned_at = null where organisation_id = ? and mentorship_id = ?")
                .params(organisation.value(), mentorship.value())
                .update();
    }

    void snapshot(
            OrganisationId organisation,
            ProgramId program,
            LocalDate day,
            int onTrack,
            int atRisk,
            int inactive) {
        int updated =
                jdbc.sql(
                                "update health_snapshot set on_track = ?, at_risk = ?, inactive = ?"
                                        + " where program_id = ? and snapshot_on = ? and organisation_id = ?")
                        .params(
                                onTrack,
                                atRisk,
                                inactive,
                                program.value(),
                                day,
                                organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into health_snapshot (organisation_id, program_id, snapshot_on, on_track, at_risk, inactive)"
                                    + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(organisation.value(), program.value(), day, onTrack, atRisk, inactive)
                    .update();
        }
    }

    void countRun(OrganisationId organisation, ProgramId program, LocalDate day) {
        int updated =
                jdbc.sql(
                                "update engagement_run set runs = runs + 1 where program_id = ? and run_on = ?"
                                        + " and organisation_id = ?")
                        .params(program.value(), day, organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into engagement_run (program_id, run_on, organisation_id, runs) values (?, ?, ?, 1)")
                    .params(program.value(), day, organisation.value())
                    .update();
        }
    }

    int runs(OrganisationId organisation, ProgramId program, LocalDate day) {
        return jdbc.sql(
                        "select coalesce(max(runs), 0) from engagement_run where organisation_id = ?"
                                + " and program_id = ? and run_on = ?")
                .params(organisation.value(), program.value(), day)
                .query(Integer.class)
                .single();
    }

    /**
     * The program's funnel from the pairs engagement follows: distinct mentees {matched, who signed
     * an agreement, who met, who achieved a goal, who completed}, one row of the pairs and their
     * summaries.
     */
    int[] menteeFunnel(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select count(distinct p.mentee_id),"
                                + " count(distinct case when s.agreements > 0 then p.mentee_id end),"
                                + " count(distinct case when s.meetings > 0 then p.mentee_id end),"
                                + " count(distinct case when s.goals > 0 then p.mentee_id end),"
                                + " count(distinct case when p.completed = true then p.mentee_id end)"
                                + " from engaged_pair p left join pair_summary s on s.mentorship_id = p.mentorship_id"
                                + " and s.organisation_id = p.organisation_id"
                                + " where p.organisation_id = ? and p.program_id = ?")
                .params(organisation.value(), program.value())
                .query(
                        (rs, n) ->
                                new int[] {
                                    rs.getInt(1),
                                    rs.getInt(2),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getInt(5)
                                })
                .single();
    }

    /** Per program of the organisation: {mentees matched, mentees completed}. */
    Map<ProgramId, int[]> menteeCounts(OrganisationId organisation) {
        Map<ProgramId, int[]> counts = new HashMap<>();
        jdbc.sql(
                        "select program_id, count(distinct mentee_id),"
                                + " count(distinct case when completed = true then mentee_id end)"
                                + " from engaged_pair where organisation_id = ? group by program_id")
                .params(organisation.value())
                .query(
                        (RowCallbackHandler)
                                rs ->
                                        counts.put(
                                                new ProgramId(rs.getObject(1, UUID.class)),
                                                new int[] {rs.getInt(2), rs.getInt(3)}));
        return counts;
    }

    /**
     * Per program of the organisation: {goals achieved, meetings held} in [{@code since}, {@code
     * until}).
     */
    Map<ProgramId, int[]> outcomes(OrganisationId organisation, Instant since, Instant until) {
        Map<ProgramId, int[]> counts = new HashMap<>();
        jdbc.sql(
                        "select program_id, kind, sum(activities) from program_activity_day"
                                + " where organisation_id = ? and activity_on >= "
                                + DAY
                                + " and activity_on < "
                                + DAY
                                + " and kind in ('MEETING', 'REPORTED_MEETING', 'GOAL_ACHIEVED')"
                                + " group by program_id, kind")
                .params(organisation.value(), ts(since), ts(until))
                .query(
                        (RowCallbackHandler)
                                rs ->
                                        counts.computeIfAbsent(
                                                                new ProgramId(
                                                                        rs.getObject(
                                                                                1, UUID.class)),
                                                                k -> new int[2])[
                                                        "GOAL_ACHIEVED".equals(rs.getString(2))
                                                                ? 0
                                                                : 1] +=
                                                rs.getInt(3));
        return counts;
    }

    List<ProgramReport.HealthDay> snapshots(
            OrganisationId organisation, ProgramId program, LocalDate since) {
        return jdbc.sql(
                        "select snapshot_on, on_track, at_risk, inactive from health_snapshot"
                                + " where organisation_id = ? and program_id = ? and snapshot_on >= ? order by snapshot_on")
                .params(organisation.value(), program.value(), since)
                .query(
                        (rs, n) ->
                                new ProgramReport.HealthDay(
                                        rs.getObject(1, LocalDate.class),
                                        rs.getInt(2),
                                        rs.getInt(3),
                                        rs.getInt(4)))
                .list();
    }

    /** Goals achieved and meetings held per day since {@code since}: rows of kind, day, count. */
    List<Object[]> outcomesDaily(OrganisationId organisation, ProgramId program, Instant since) {
        return perDay(
                organisation,
                program,
                since,
                List.of(
                        ActivityKind.MEETING,
                        ActivityKind.REPORTED_MEETING,
                        ActivityKind.GOAL_ACHIEVED));
    }

    /** Meetings and messages per day since {@code since}: rows of kind, day, count. */
    List<Object[]> daily(OrganisationId organisation, ProgramId program, Instant since) {
        return perDay(
                organisation,
                program,
                since,
                List.of(ActivityKind.MEETING, ActivityKind.REPORTED_MEETING, ActivityKind.MESSAGE));
    }

    private List<Object[]> perDay(
            OrganisationId organisation,
            ProgramId program,
            Instant since,
            List<ActivityKind> kinds) {
        return jdbc.sql(
                        "select kind, activity_on, activities from program_activity_day"
                                + " where organisation_id = ? and program_id = ? and activity_on >= "
                                + DAY
                                + " and kind in (?, ?, ?)")
                .params(
                        organisation.value(),
                        program.value(),
                        ts(since),
                        kinds.get(0).name(),
                        kinds.get(1).name(),
                        kinds.get(2).name())
                .query(
                        (rs, n) ->
                                new Object[] {
                                    ActivityKind.valueOf(rs.getString(1)),
                                    rs.getObject(2, LocalDate.class),
                                    rs.getInt(3)
                                })
                .list();
    }

    private static PairFacts facts(ResultSet rs, int n) throws SQLException {
        return new PairFacts(
                new MentorshipId(rs.getObject(1, UUID.class)),
                new ProgramId(rs.getObject(2, UUID.class)),
                new PersonId(rs.getObject(3, UUID.class)),
                new PersonId(rs.getObject(4, UUID.class)),
                instant(rs, 5),
                instant(rs, 6),
                instant(rs, 7),
                instant(rs, 8),
                (Integer) rs.getObject(9),
                (Integer) rs.getObject(10),
                Health.valueOf(rs.getString(11)),
                instant(rs, 12),
                instant(rs, 13));
    }

    /**
     * A stored {@code timestamp} as the instant {@link #ts} wrote: read as a local date-time in the
     * JVM's zone, which costs the driver far less than building a {@link Timestamp} for every cell
     * of every pair the dashboard assesses.
     */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.time.LocalDateTime at = rs.getObject(column, java.time.LocalDateTime.class);
        return at == null ? null : at.atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
