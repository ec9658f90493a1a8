package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.WorkspaceView.ActionItem;
import io.tandem.mentorships.WorkspaceView.Agreement;
import io.tandem.mentorships.WorkspaceView.Goal;
import io.tandem.mentorships.WorkspaceView.GoalLine;
import io.tandem.mentorships.WorkspaceView.Milestone;
import io.tandem.mentorships.WorkspaceView.ProgressUpdate;
import io.tandem.mentorships.WorkspaceView.TimelineEntry;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace tables; every statement is scoped by organisation and mentorship. */
@Repository
class Workspaces {

    /** A mentorship row with the columns the workspace adds. */
    record Row(
            MentorshipSummary summary,
            LocalDate plannedEndOn,
            EndReason endReason,
            LocalDate extensionUntil,
            PersonId extensionBy) {

        boolean includes(PersonId person) {
            return summary.mentorId().equals(person) || summary.menteeId().equals(person);
        }
    }

    record Answer(int partnershipRating, int partnerRating, boolean again) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Workspaces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- mentorship ---

    Optional<Row> find(OrganisationId organisation, MentorshipId id) {
        // The workspace, its skills list and the other modules' sections each ask for the pair.
        return io.tandem.web.RequestMemo.remember(
                "mentorship", organisation, id, () -> read(organisation, id));
    }

    private Optional<Row> read(OrganisationId organisation, MentorshipId id) {
        return jdbc.sql(
                        "select id, program_id, mentor_id, mentee_id, status, score, started_on,"
                                + " ended_on, planned_end_on, end_reason, extension_until, extension_by"
                                + " from mentorship where organisation_id = ? and id = ?")
                .params(organisation.value(), id.value())
                .query(Workspaces::row)
                .optional();
    }

    List<Row> active(OrganisationId organisation, ProgramId program, PersonId person) {
        StringBuilder sql =
                new StringBuilder(
                        "select id, program_id, mentor_id, mentee_id, status, score, started_on,"
                                + " ended_on, planned_end_on, end_reason, extension_until, extension_by"
                                + " from mentorship where organisation_id = ? and status = 'ACTIVE'");
        List<Object> params = new ArrayList<>();
        params.add(organisation.value());
        if (program != null) {
            sql.append(" and program_id = ?");
            params.add(program.value());
        }
        if (person != null) {
            sql.append(" and (mentor_id = ? or mentee_id = ?)");
            params.add(person.value());
            params.add(person.value());
        }
        return jdbc.sql(sql.toString()).params(params).query(Workspaces::row).list();
    }

    /** An active mentorship of any organisation, with the planned end it was last asked about. */
    record Due(OrganisationId organisation, Row row, LocalDate remindedFor) {}

    /** Every active mentorship, across organisations: the planned-end sweep's input. */
    List<Due> dueForEndReminder() {
        return jdbc.sql(
                        "select organisation_id, id, program_id, mentor_id, mentee_id, status, score,"
                                + " started_on, ended_on, planned_end_on, end_reason, extension_until,"
                                + " extension_by, end_reminded_for from mentorship where status = 'ACTIVE'")
                .query(
                        (rs, n) ->
                                new Due(
                                        new OrganisationId(
                                                rs.getObject("organisation_id", UUID.class)),
                                        row(rs, n),
                                        date(rs, "end_reminded_for")))
                .list();
    }

    /** Claims the reminder for {@code plannedEnd}; false when someone already sent it. */
    boolean claimEndReminder(OrganisationId organisation, MentorshipId id, LocalDate plannedEnd) {
        return jdbc.sql(
                                "update mentorship set end_reminded_for = ? where organisation_id = ?"
                                        + " and id = ? and status = 'ACTIVE' and (end_reminded_for"
                                        + " is null or end_reminded_for <> ?)")
                        .params(
                                Date.valueOf(plannedEnd),
                                organisation.value(),
                                id.value(),
                                Date.valueOf(plannedEnd))
                        .update()
                > 0;
    }

    boolean end(
            OrganisationId organisation,
            MentorshipId id,
            EndReason reason,
            PersonId by,
            LocalDate on) {
        return jdbc.sql(
                                "update mentorship set status = ?, end_reason = ?, ended_by = ?,"
                                        + " ended_on = ?, updated_at = ? where organisation_id = ?"
                                        + " and id = ? and status = 'ACTIVE'")
                        .params(
                                reason.outcome().name(),
                                reason.name(),
                                by == null ? null : by.value(),
                                Date.valueOf(on),
                                Timestamp.from(clock.instant()),
                                organisation.value(),
                                id.value())
                        .update()
                > 0;
    }

    void proposeExtension(
            OrganisationId organisation, MentorshipId id, LocalDate until, PersonId by) {
        jdbc.sql(
                        "update mentorship set extension_until = ?, extension_by = ?, updated_at = ?"
                                + " where organisation_id = ? and id = ?")
                .params(
                        Date.valueOf(until),
                        by.value(),
                        Timestamp.from(clock.instant()),
                        organisation.value(),
                        id.value())
                .update();
    }

    /** Applies the partner's proposal, if it is still the one the caller saw. */
    boolean extend(OrganisationId organisation, MentorshipId id, LocalDate until, PersonId by) {
        return jdbc.sql(
                                "update mentorship set planned_end_on = extension_until,"
                                        + " extension_until = null, extension_by = null, updated_at = ?"
                                        + " where organisation_id = ? and id = ? and status = 'ACTIVE'"
                                        + " and extension_until = ? and extension_by = ?")
                        .params(
                                Timestamp.from(clock.instant()),
                                organisation.value(),
                                id.value(),
                                Date.valueOf(until),
                                by.value())
                        .update()
                > 0;
    }

    // --- agreement ---

    Optional<Agreement> agreement(OrganisationId organisation, MentorshipId id) {
        return jdbc.sql(
                        "select terms, expectations, meetings, confidentiality, duration, version,"
                                + " updated_by, updated_at, mentor_signed_at, mentee_signed_at"
                                + " from agreement where organisation_id = ? and mentorship_id = ?")
                .params(organisation.value(), id.value())
                .query(Workspaces::agreement)
                .optional();
    }

    /**
     * The pair's row, its saved agreement, if any, and whether {@code person} answered the survey:
     * what the workspace needs before anything else.
     */
    record Visit(Row row, Optional<Agreement> agreement, boolean answered) {}

    /**
     * The pair's row with its agreement and {@code person}'s survey answer, in one statement; the
     * row is then remembered for the request as {@link #find} would, so the skills list and the
     * other modules' sections do not read it again. On PostgreSQL each statement is a round trip.
     */
    Optional<Visit> visit(OrganisationId organisation, MentorshipId id, PersonId person) {
        Optional<Visit> found =
                jdbc.sql(
                                "select a.terms, a.expectations, a.meetings, a.confidentiality,"
                                        + " a.duration, a.version, a.updated_by, a.updated_at,"
                                        + " a.mentor_signed_at, a.mentee_signed_at, (select count(*)"
                                        + " from closure_survey s where s.organisation_id ="
                                        + " m.organisation_id and s.mentorship_id = m.id and"
                                        + " s.person_id = ?), m.id, m.program_id, m.mentor_id,"
                                        + " m.mentee_id, m.status, m.score, m.started_on,"
                                        + " m.ended_on, m.planned_end_on, m.end_reason,"
                                        + " m.extension_until, m.extension_by from mentorship m"
                                        + " left join agreement a on a.organisation_id ="
                                        + " m.organisation_id and a.mentorship_id = m.id"
                                        + " where m.organisation_id = ? and m.id = ?")
                        .params(person.value(), organisation.value(), id.value())
                        .query(
                                (rs, n) ->
                                        new Visit(
                                                row(rs, n),
                                                rs.getObject(6) == null
                                                        ? Optional.empty()
                                                        : Optional.of(agreement(rs, n)),
                                                rs.getLong(11) > 0))
                        .optional();
        io.tandem.web.RequestMemo.remember(
                "mentorship", organisation, id, () -> found.map(Visit::row));
        return found;
    }

    private static Agreement agreement(ResultSet rs, int n) throws SQLException {
        return new Agreement(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                person(rs, 7),
                instant(rs, 8),
                instant(rs, 9),
                instant(rs, 10));
    }

    void insertAgreement(OrganisationId organisation, MentorshipId id, Agreement a) {
        jdbc.sql(
                        "insert into agreement (mentorship_id, organisation_id, terms, expectations,"
                                + " meetings, confidentiality, duration, version, updated_by, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
                .params(
                        id.value(),
                        organisation.value(),
                        a.terms(),
                        a.expectations(),
                        a.meetings(),
                        a.confidentiality(),
                        a.duration(),
                        a.updatedBy().value(),
                        Timestamp.from(a.updatedAt()))
                .update();
    }

    /** Saves a new version, clearing both signatures; false if someone saved another meanwhile. */
    boolean updateAgreement(OrganisationId organisation, MentorshipId id, Agreement a) {
        return jdbc.sql(
                                "update agreement set terms = ?, expectations = ?, meetings = ?,"
                                        + " confidentiality = ?, duration = ?, version = version + 1,"
                                        + " updated_by = ?, updated_at = ?, mentor_signed_at = null,"
                                        + " mentee_signed_at = null where organisation_id = ?"
                                        + " and mentorship_id = ? and version = ?")
                        .params(
                                a.terms(),
                                a.expectations(),
                                a.meetings(),
                                a.confidentiality(),
                                a.duration(),
                                a.updatedBy().value(),
                                Timestamp.from(a.updatedAt()),
                                organisation.value(),
                                id.value(),
                                a.version())
                        .update()
                > 0;
    }

    boolean sign(OrganisationId organisation, MentorshipId id, boolean mentor, int version) {
        String column = mentor ? "mentor_signed_at" : "mentee_signed_at";
        return jdbc.sql(
                                "update agreement set "
                                        + column
                                        + " = ? where organisation_id = ? and mentorship_id = ?"
                                        + " and version = ? and "
                                        + column
                                        + " is null")
                        .params(
                                Timestamp.from(clock.instant()),
                                organisation.value(),
                                id.value(),
                                version)
                        .update()
                > 0;
    }

    // --- the workspace's lists ---

    /**
     * One line per goal, its milestones counted by the database, so the page reads neither
     * milestones nor updates (parameters: today, organisation, mentorship). Its columns are the
     * ones {@link #lists} shares among its parts, typed alike on H2 and PostgreSQL.
     */
    private static final String GOAL_LINES =
            "select 1 part, row_number() over (order by g.created_at, g.id) pos, g.id,"
                    + " g.title s1, g.status s2, cast(null as uuid) person, g.target_on d,"
                    + " cast(null as timestamp) t, g.progress i1, g.version i2,"
                    + " cast(count(m.id) as int) i3, cast(count(m.met_at) as int) i4,"
                    + " cast(coalesce(sum(case when m.met_at is null and m.due_on < ?"
                    + " then 1 else 0 end), 0) as int) i5, cast(null as boolean) b"
                    + " from goal g left join milestone m on m.goal_id = g.id"
                    + " and m.organisation_id = g.organisation_id"
                    + " where g.organisation_id = ? and g.mentorship_id = ?"
                    + " group by g.id, g.title, g.status, g.progress, g.target_on,"
                    + " g.version, g.created_at";

    /**
     * The open action items first (by due date), then the latest done, at most a limit, each row
     * with the whole list's length in {@code i1} (parameters: organisation, mentorship, limit); the
     * columns of {@link #GOAL_LINES}.
     */
    private static final String ACTION_ITEMS =
            "select 2 part, row_number() over (order by done_at desc nulls first,"
                    + " due_on nulls last, created_at, id) pos, id, title s1,"
                    + " cast(null as varchar(20)) s2, assignee person, due_on d, done_at t,"
                    + " cast(count(*) over () as int) i1, cast(null as int) i2,"
                    + " cast(null as int) i3, cast(null as int) i4, cast(null as int) i5,"
                    + " cast(null as boolean) b from action_item"
                    + " where organisation_id = ? and mentorship_id = ?"
                    + " order by done_at desc nulls first, due_on nulls last, created_at, id"
                    + " limit ?";

    private static GoalLine goalLine(ResultSet rs) throws SQLException {
        return new GoalLine(
                rs.getObject("id", UUID.class),
                rs.getString("s1"),
                GoalStatus.valueOf(rs.getString("s2")),
                rs.getInt("i1"),
                date(rs, "d"),
                rs.getInt("i2"),
                rs.getInt("i3"),
                rs.getInt("i4"),
                rs.getInt("i5"));
    }

    private static ActionItem actionItem(ResultSet rs) throws SQLException {
        return new ActionItem(
                rs.getObject("id", UUID.class),
                rs.getString("s1"),
                person(rs, "person"),
                date(rs, "d"),
                instant(rs, "t"));
    }

    /** A first part of a longer list, and how long the whole list is. */
    record Part<T>(List<T> items, int total) {}

    /** What the workspace lists of its own: goal lines, action items, notes and timeline. */
    record Lists(
            List<GoalLine> goals,
            Part<ActionItem> actions,
            Part<NoteRow> notes,
            List<TimelineEntry> timeline) {}

    /**
     * The workspace's four lists in one statement (one round trip instead of four): the goal lines
     * with their milestones counted, the open action items then the latest done (at most {@code
     * limit}), the shared notes and the viewer's own private ones newest first (at most {@code
     * limit}), and the latest {@code timelineLength} entries with the title of the goal, milestone
     * or action each is about. Each part keeps its own order ({@code pos}); the columns are shared,
     * typed alike on H2 and PostgreSQL.
     */
    Lists lists(
            OrganisationId organisation,
            MentorshipId id,
            PersonId viewer,
            LocalDate today,
            int limit,
            int timelineLength) {
        List<GoalLine> goals = new ArrayList<>();
        List<ActionItem> actions = new ArrayList<>();
        List<NoteRow> notes = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        int[] totals = {0, 0};
        jdbc.sql(
                        "select * from (("
                                + GOAL_LINES
                                + ") union all ("
                                + ACTION_ITEMS
                                + ") union all (select 3, row_number() over (order by created_at"
                                + " desc, id), id, body, cast(null as varchar(20)), author,"
                                + " cast(null as date), created_at, cast(count(*) over () as int),"
                                + " cast(null as int), cast(null as int), cast(null as int),"
                                + " cast(null as int), shared from note where organisation_id = ?"
                                + " and mentorship_id = ? and (shared or author = ?)"
                                + " order by created_at desc, id limit ?)"
                                + " union all (select 4, row_number() over (order by"
                                + " t.occurred_at desc, t.seq desc), cast(null as uuid), t.kind,"
                                + " coalesce(g.title, m.title, a.title), t.actor, cast(null as"
                                + " date), t.occurred_at, cast(null as int), cast(null as int),"
                                + " cast(null as int), cast(null as int), cast(null as int),"
                                + " cast(null as boolean) from timeline_entry t"
                                + " left join goal g on g.id = t.subject_id"
                                + " and g.organisation_id = t.organisation_id"
                                + " left join milestone m on m.id = t.subject_id"
                                + " and m.organisation_id = t.organisation_id"
                                + " left join action_item a on a.id = t.subject_id"
                                + " and a.organisation_id = t.organisation_id"
                                + " where t.organisation_id = ? and t.mentorship_id = ?"
                                + " order by t.occurred_at desc, t.seq desc limit ?)) lists"
                                + " order by part, pos")
                .params(
                        Date.valueOf(today),
                        organisation.value(),
                        id.value(),
                        organisation.value(),
                        id.value(),
                        limit,
                        organisation.value(),
                        id.value(),
                        viewer.value(),
                        limit,
                        organisation.value(),
                        id.value(),
                        timelineLength)
                .query(
                        rs -> {
                            switch (rs.getInt("part")) {
                                case 1 -> goals.add(goalLine(rs));
                                case 2 -> {
                                    totals[0] = rs.getInt("i1");
                                    actions.add(actionItem(rs));
                                }
                                case 3 -> {
                                    totals[1] = rs.getInt("i1");
                                    notes.add(
                                            new NoteRow(
                                                    rs.getObject("id", UUID.class),
                                                    person(rs, "person"),
                                                    rs.getBoolean("b"),
                                                    rs.getString("s1"),
                                                    instant(rs, "t")));
                                }
                                default ->
                                        timeline.add(
                                                new TimelineEntry(
                                                        rs.getString("s1"),
                                                        rs.getString("s2"),
                                                        person(rs, "person"),
                                                        instant(rs, "t")));
                            }
                        });
        return new Lists(
                goals, new Part<>(actions, totals[0]), new Part<>(notes, totals[1]), timeline);
    }

    // --- goals ---

    /** One line per goal for the workspace ({@link #GOAL_LINES}). */
    List<GoalLine> goalLines(OrganisationId organisation, MentorshipId id, LocalDate today) {
        return jdbc.sql(GOAL_LINES + " order by pos")
                .params(Date.valueOf(today), organisation.value(), id.value())
                .query((rs, n) -> goalLine(rs))
                .list();
    }

    /** One goal with its milestones. */
    Optional<Goal> goal(OrganisationId organisation, MentorshipId id, UUID goal) {
        List<Milestone> milestones =
                jdbc.sql(
                                "select id, goal_id, title, due_on, met_at from milestone"
                                        + " where organisation_id = ? and goal_id = ?"
                                        + " order by due_on, id")
                        .params(organisation.value(), goal)
                        .query(Workspaces::milestone)
                        .list();
        return jdbc.sql(
                        "select id, title, measure, target_on, skill, status, progress, version"
                                + " from goal where organisation_id = ? and mentorship_id = ?"
                                + " and id = ?")
                .params(organisation.value(), id.value(), goal)
                .query(
                        (rs, n) ->
                                new Goal(
                                        rs.getObject(1, UUID.class),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getDate(4).toLocalDate(),
                                        rs.getString(5),
                                        GoalStatus.valueOf(rs.getString(6)),
                                        rs.getInt(7),
                                        rs.getInt(8),
                                        milestones))
                .optional();
    }

    void insertGoal(OrganisationId organisation, MentorshipId id, UUID goal, Goal g, PersonId by) {
        jdbc.sql(
                        "insert into goal (id, organisation_id, mentorship_id, title, measure,"
                                + " target_on, skill, status, progress, version, created_by, created_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)")
                .params(
                        goal,
                        organisation.value(),
                        id.value(),
                        g.title(),
                        g.measure(),
                        Date.valueOf(g.targetOn()),
                        g.skill(),
                        g.status().name(),
                        by.value(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Writes the goal if it is still at {@code g.version()}; false if the partner saved first. */
    boolean updateGoal(OrganisationId organisation, MentorshipId id, Goal g) {
        return jdbc.sql(
                                "update goal set title = ?, measure = ?, target_on = ?, skill = ?,"
                                        + " status = ?, progress = ?, version = version + 1,"
                                        + " achieved_at = case when ? = 'ACHIEVED' then coalesce("
                                        + "achieved_at, ?) else null end"
                                        + " where organisation_id = ? and mentorship_id = ? and id = ?"
                                        + " and version = ?")
                        .params(
                                g.title(),
                                g.measure(),
                                Date.valueOf(g.targetOn()),
                                g.skill(),
                                g.status().name(),
                                g.progress(),
                                g.status().name(),
                                Timestamp.from(clock.instant()),
                                organisation.value(),
                                id.value(),
                                g.id(),
                                g.version())
                        .update()
                > 0;
    }

    void insertUpdate(
            OrganisationId organisation, UUID goal, int percent, String comment, PersonId by) {
        jdbc.sql(
                        "insert into goal_update (id, organisation_id, goal_id, percent, comment,"
                                + " author, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        goal,
                        percent,
                        comment,
                        by.value(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    List<ProgressUpdate> updates(OrganisationId organisation, UUID goal) {
        return jdbc.sql(
                        "select percent, comment, author, created_at from goal_update"
                                + " where organisation_id = ? and goal_id = ?"
                                + " order by created_at desc, id")
                .params(organisation.value(), goal)
                .query(
                        (rs, n) ->
                                new ProgressUpdate(
                                        rs.getInt(1),
                                        rs.getString(2),
                                        person(rs, 3),
                                        instant(rs, 4)))
                .list();
    }

    void insertMilestone(
            OrganisationId organisation, UUID goal, UUID milestone, String title, LocalDate due) {
        jdbc.sql(
                        "insert into milestone (id, organisation_id, goal_id, title, due_on)"
                                + " values (?, ?, ?, ?, ?)")
                .params(milestone, organisation.value(), goal, title, Date.valueOf(due))
                .update();
    }

    Optional<Milestone> milestone(OrganisationId organisation, MentorshipId id, UUID milestone) {
        return jdbc.sql(
                        "select m.id, m.goal_id, m.title, m.due_on, m.met_at from milestone m"
                                + " join goal g on g.id = m.goal_id where g.organisation_id = ?"
                                + " and g.mentorship_id = ? and m.id = ?")
                .params(organisation.value(), id.value(), milestone)
                .query(Workspaces::milestone)
                .optional();
    }

    boolean meetMilestone(OrganisationId organisation, UUID milestone) {
        return jdbc.sql(
                                "update milestone set met_at = ? where organisation_id = ? and id = ?"
                                        + " and met_at is null")
                        .params(Timestamp.from(clock.instant()), organisation.value(), milestone)
                        .update()
                > 0;
    }

    // --- action items ---

    /** Open items first (by due date), then the done ones, latest first. */
    List<ActionItem> actionItems(OrganisationId organisation, MentorshipId id) {
        return jdbc.sql(ACTION_ITEMS)
                .params(organisation.value(), id.value(), Integer.MAX_VALUE)
                .query((rs, n) -> actionItem(rs))
                .list();
    }

    void insertActionItem(
            OrganisationId organisation,
            MentorshipId id,
            UUID item,
            String title,
            PersonId assignee,
            LocalDate due,
            PersonId by) {
        jdbc.sql(
                        "insert into action_item (id, organisation_id, mentorship_id, title, assignee,"
                                + " due_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        item,
                        organisation.value(),
                        id.value(),
                        title,
                        assignee.value(),
                        due == null ? null : Date.valueOf(due),
                        by.value(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    boolean completeActionItem(OrganisationId organisation, MentorshipId id, UUID item) {
        return jdbc.sql(
                                "update action_item set done_at = ? where organisation_id = ?"
                                        + " and mentorship_id = ? and id = ? and done_at is null")
                        .params(
                                Timestamp.from(clock.instant()),
                                organisation.value(),
                                id.value(),
                                item)
                        .update()
                > 0;
    }

    // --- notes ---

    record NoteRow(UUID id, PersonId author, boolean shared, String body, Instant createdAt) {}

    int sharedNotes(OrganisationId organisation, MentorshipId id) {
        return jdbc.sql(
                        "select count(*) from note where organisation_id = ? and mentorship_id = ?"
                                + " and shared")
                .params(organisation.value(), id.value())
                .query(Integer.class)
                .single();
    }

    void insertNote(
            OrganisationId organisation,
            MentorshipId id,
            PersonId author,
            boolean shared,
            String body) {
        jdbc.sql(
                        "insert into note (id, organisation_id, mentorship_id, author, shared, body,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        id.value(),
                        author.value(),
                        shared,
                        body,
                        Timestamp.from(clock.instant()))
                .update();
    }

    // --- timeline ---

    void record(
            OrganisationId organisation,
            MentorshipId id,
            String kind,
            UUID subject,
            PersonId actor) {
        jdbc.sql(
                        "insert into timeline_entry (id, organisation_id, mentorship_id, kind,"
                                + " subject_id, actor, occurred_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organisation.value(),
                        id.value(),
                        kind,
                        subject,
                        actor == null ? null : actor.value(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    // --- closure survey ---

    boolean answered(OrganisationId organisation, MentorshipId id, PersonId person) {
        return jdbc.sql(
                                "select count(*) from closure_survey where organisation_id = ?"
                                        + " and mentorship_id = ? and person_id = ?")
                        .params(organisation.value(), id.value(), person.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertAnswer(
            OrganisationId organisation,
            MentorshipId id,
            ProgramId program,
            PersonId person,
            String achieved,
            Answer answer) {
        jdbc.sql(
                        "insert into closure_survey (mentorship_id, person_id, organisation_id,"
                                + " program_id, achieved, partnership_rating, partner_rating, again,"
                                + " answered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        person.value(),
                        organisation.value(),
                        program.value(),
                        achieved,
                        answer.partnershipRating(),
                        answer.partnerRating(),
                        answer.again(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    List<Answer> answers(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select partnership_rating, partner_rating, again from closure_survey"
                                + " where organisation_id = ? and program_id = ?")
                .params(organisation.value(), program.value())
                .query((rs, n) -> new Answer(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)))
                .list();
    }

    // --- mapping ---

    private static Row row(ResultSet rs, int n) throws SQLException {
        int score = rs.getInt("score");
        Integer boxed = rs.wasNull() ? null : score;
        String reason = rs.getString("end_reason");
        return new Row(
                new MentorshipSummary(
                        new MentorshipId(rs.getObject("id", UUID.class)),
                        new ProgramId(rs.getObject("program_id", UUID.class)),
                        new PersonId(rs.getObject("mentor_id", UUID.class)),
                        new PersonId(rs.getObject("mentee_id", UUID.class)),
                        MentorshipStatus.valueOf(rs.getString("status")),
                        boxed,
                        rs.getDate("started_on").toLocalDate(),
                        date(rs, "ended_on")),
                date(rs, "planned_end_on"),
                reason == null ? null : EndReason.valueOf(reason),
                date(rs, "extension_until"),
                rs.getObject("extension_by", UUID.class) == null
                        ? null
                        : new PersonId(rs.getObject("extension_by", UUID.class)));
    }

    private static Milestone milestone(ResultSet rs, int n) throws SQLException {
        return new Milestone(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getDate(4).toLocalDate(),
                instant(rs, 5));
    }

    private static PersonId person(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new PersonId(id);
    }

    private static PersonId person(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new PersonId(id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
