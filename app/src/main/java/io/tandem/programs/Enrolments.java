package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.shared.KeptByRevision;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Revisions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolments; every statement is scoped by organisation. */
@Repository
class Enrolments {

    private static final String COLUMNS =
            "id, program_id, person_id, role, status, capacity, goals, skills_wanted, skills_offered,"
                    + " aspired_division, aspired_location, preferences, availability, time_zone,"
                    + " invited_at, enrolled_at, decided_at, decision_note";
    private static final String PAGE_COLUMNS =
            java.util.Arrays.stream(COLUMNS.split(", *"))
                    .map(column -> "e." + column.trim())
                    .collect(java.util.stream.Collectors.joining(", "));

    static final String SEPARATOR = ";";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Revisions revisions;

    /** People whose enrolments are kept at most. */
    static final int MAX_KEPT = 4_096;

    private final KeptByRevision<List<Enrolment>> kept = new KeptByRevision<>(MAX_KEPT);

    Enrolments(
            JdbcClient jdbc,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.revisions = new Revisions(jdbc, transactions, "enrolment_revision");
    }

    /** Moves whenever an enrolment of the organisation is written ({@link EnrolmentFigures}). */
    long revision(OrganisationId organisation) {
        return io.tandem.web.RequestMemo.revision(revisions, organisation.value());
    }

    /** Moves the revision for a write made outside this class (erasure). */
    void moved(OrganisationId organisation) {
        revisions.move(organisation.value());
    }

    void insert(OrganisationId organisation, Enrolment e) {
        revisions.move(organisation.value());
        jdbc.sql(
                        "insert into enrolment ("
                                + COLUMNS
                                + ", organisation_id, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(e, organisation, true))
                .update();
    }

    void update(OrganisationId organisation, Enrolment e) {
        revisions.move(organisation.value());
        jdbc.sql(
                        "update enrolment set program_id = ?, person_id = ?, role = ?, status = ?,"
                                + " capacity = ?, goals = ?, skills_wanted = ?, skills_offered = ?,"
                                + " aspired_division = ?, aspired_location = ?, preferences = ?,"
                                + " availability = ?, time_zone = ?, invited_at = ?, enrolled_at = ?,"
                                + " decided_at = ?, decision_note = ?, updated_at = ?"
                                + " where id = ? and organisation_id = ?")
                .params(values(e, organisation, false))
                .update();
    }

    private List<Object> values(Enrolment e, OrganisationId organisation, boolean insert) {
        List<Object> values = new ArrayList<>();
        if (insert) {
            values.add(e.id().value());
        }
        values.addAll(
                Arrays.asList(
                        e.programId().value(),
                        e.personId().value(),
                        e.role().name(),
                        e.status().name(),
                        e.capacity(),
                        e.goals(),
                        String.join(SEPARATOR, e.skillsWanted()),
                        String.join(SEPARATOR, e.skillsOffered()),
                        e.aspiredDivision(),
                        e.aspiredLocation(),
                        e.preferences(),
                        e.availability(),
                        e.timeZone(),
                        timestamp(e.invitedAt()),
                        timestamp(e.enrolledAt()),
                        timestamp(e.decidedAt()),
                        e.decisionNote()));
        if (insert) {
            values.add(organisation.value());
            values.add(Timestamp.from(clock.instant()));
        } else {
            values.add(Timestamp.from(clock.instant()));
            values.add(e.id().value());
            values.add(organisation.value());
        }
        return values;
    }

    Optional<Enrolment> find(OrganisationId organisation, EnrolmentId id) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from enrolment where organisation_id = ? and id = ?")
                .params(organisation.value(), id.value())
                .query(Enrolments::map)
                .optional();
    }

    Optional<Enrolment> find(
            OrganisationId organisation, ProgramId program, PersonId person, EnrolmentRole role) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from enrolment where organisation_id = ? and program_id = ?"
                                + " and person_id = ? and role = ?")
                .params(organisation.value(), program.value(), person.value(), role.name())
                .query(Enrolments::map)
                .optional();
    }

    /**
     * The person's enrolments, newest first. In a GET request, what this instance kept at the
     * organisation's current enrolment revision (the workspace's goal form lists the mentee's
     * skills on every view).
     */
    List<Enrolment> forPerson(OrganisationId organisation, PersonId person) {
        return io.tandem.web.RequestMemo.kept(
                kept, revisions, organisation.value(), person, () -> read(organisation, person));
    }

    private List<Enrolment> read(OrganisationId organisation, PersonId person) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from enrolment where organisation_id = ? and person_id = ?"
                                + " order by updated_at desc")
                .params(organisation.value(), person.value())
                .query(Enrolments::map)
                .list();
    }

    List<Enrolment> forProgram(
            OrganisationId organisation,
            ProgramId program,
            EnrolmentStatus status,
            EnrolmentRole role,
            PageQuery page) {
        List<Object> params = filterParams(organisation, program, status, role);
        params.add(page.size());
        params.add(page.offset());
        // Ordered down to the id, so offset pages neither overlap nor skip a row. The page's ids
        // come from the index in its order (V145; a null enrolled_at sorts last on both databases)
        // without reading the program's thousands of rows, then only their rows are read.
        return jdbc.sql(
                        "select "
                                + PAGE_COLUMNS
                                + " from (select id from enrolment"
                                + filter(status, role)
                                + " order by organisation_id, program_id, role, enrolled_at, invited_at,"
                                + " id limit ? offset ?) shown join enrolment e on e.id = shown.id"
                                + " order by e.role, e.enrolled_at nulls last, e.invited_at, e.id")
                .params(params)
                .query(Enrolments::map)
                .list();
    }

    long count(
            OrganisationId organisation,
            ProgramId program,
            EnrolmentStatus status,
            EnrolmentRole role) {
        return jdbc.sql("select count(*) from enrolment" + filter(status, role))
                .params(filterParams(organisation, program, status, role))
                .query(Long.class)
                .single();
    }

    /** Every enrolment of the program matching the filter, for decisions on all of them at once. */
    List<Enrolment> matching(
            OrganisationId organisation,
            ProgramId program,
            EnrolmentStatus status,
            EnrolmentRole role) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from enrolment"
                                + filter(status, role)
                                + " order by id")
                .params(filterParams(organisation, program, status, role))
                .query(Enrolments::map)
                .list();
    }

    private static String filter(EnrolmentStatus status, EnrolmentRole role) {
        return " where organisation_id = ? and program_id = ?"
                + (status == null ? "" : " and status = ?")
                + (role == null ? "" : " and role = ?");
    }

    private static List<Object> filterParams(
            OrganisationId organisation,
            ProgramId program,
            EnrolmentStatus status,
            EnrolmentRole role) {
        List<Object> params = new ArrayList<>(List.of(organisation.value(), program.value()));
        if (status != null) {
            params.add(status.name());
        }
        if (role != null) {
            params.add(role.name());
        }
        return params;
    }

    /** Every enrolment of the program, for figures; programs hold thousands, not millions. */
    /** The program's active mentors only (the dashboard's mentor load reads nothing else). */
    List<Enrolment> activeMentors(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from enrolment where organisation_id = ? and program_id = ?"
                                + " and role = 'MENTOR' and status = 'ACTIVE'")
                .params(organisation.value(), program.value())
                .query(Enrolments::map)
                .list();
    }

    /** The people enrolled as active mentors, without their enrolments. */
    java.util.Set<PersonId> activeMentorIds(OrganisationId organisation, ProgramId program) {
        java.util.Set<PersonId> ids = new java.util.HashSet<>();
        jdbc.sql(
                        "select person_id from enrolment where organisation_id = ? and program_id = ?"
                                + " and role = 'MENTOR' and status = 'ACTIVE'")
                .params(organisation.value(), program.value())
                .query(
                        (org.springframework.jdbc.core.RowCallbackHandler)
                                rs -> ids.add(new PersonId(rs.getObject(1, java.util.UUID.class))));
        return ids;
    }

    List<Enrolment> all(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from enrolment where organisation_id = ? and program_id = ?")
                .params(organisation.value(), program.value())
                .query(Enrolments::map)
                .list();
    }

    /**
     * The program's mentees invited (every mentee enrolment) and enrolled (those who enrolled
     * themselves or were made active), counted by the database.
     */
    int[] menteeFunnel(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select count(*), count(case when enrolled_at is not null or status = 'ACTIVE'"
                                + " then 1 end) from enrolment where organisation_id = ? and program_id = ?"
                                + " and role = 'MENTEE'")
                .params(organisation.value(), program.value())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    /** Rows of program id, role, status, count and summed capacity, for every program at once. */
    List<Object[]> counts(OrganisationId organisation) {
        return counts(
                jdbc.sql(
                                "select program_id, role, status, count(*), coalesce(sum(capacity), 0)"
                                        + " from enrolment where organisation_id = ?"
                                        + " group by program_id, role, status")
                        .params(organisation.value()));
    }

    /** The rows of {@link #counts(OrganisationId)} for one program. */
    List<Object[]> counts(OrganisationId organisation, ProgramId program) {
        return counts(
                jdbc.sql(
                                "select program_id, role, status, count(*), coalesce(sum(capacity), 0)"
                                        + " from enrolment where organisation_id = ? and program_id = ?"
                                        + " group by program_id, role, status")
                        .params(organisation.value(), program.value()));
    }

    /**
     * The people of the program's active and pending enrolments (one entry per enrolment), to count
     * them by division and location without reading their enrolments.
     */
    List<PersonId> taking(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select person_id from enrolment where organisation_id = ? and program_id = ?"
                                + " and status in ('ACTIVE', 'PENDING')")
                .params(organisation.value(), program.value())
                .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
                .list();
    }

    private static List<Object[]> counts(JdbcClient.StatementSpec statement) {
        return statement
                .query(
                        (rs, n) ->
                                new Object[] {
                                    new ProgramId(rs.getObject(1, java.util.UUID.class)),
                                    EnrolmentRole.valueOf(rs.getString(2)),
                                    EnrolmentStatus.valueOf(rs.getString(3)),
                                    rs.getInt(4),
                                    rs.getInt(5)
                                })
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }

    private static Enrolment map(ResultSet rs, int row) throws SQLException {
        int capacity = rs.getInt("capacity");
        Integer boxed = rs.wasNull() ? null : capacity;
        return new Enrolment(
                new EnrolmentId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("person_id", UUID.class)),
                EnrolmentRole.valueOf(rs.getString("role")),
                EnrolmentStatus.valueOf(rs.getString("status")),
                boxed,
                rs.getString("goals"),
                list(rs.getString("skills_wanted")),
                list(rs.getString("skills_offered")),
                rs.getString("aspired_division"),
                rs.getString("aspired_location"),
                rs.getString("preferences"),
                rs.getString("availability"),
                rs.getString("time_zone"),
                instant(rs.getTimestamp("invited_at")),
                instant(rs.getTimestamp("enrolled_at")),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_note"));
    }
}
