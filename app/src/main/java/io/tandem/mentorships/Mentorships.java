package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.ActivePairs;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import io.tandem.shared.PageQuery;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mentorships; every statement is scoped by organisation. */
@Repository
class Mentorships {

    private static final String COLUMNS =
            "id, program_id, mentor_id, mentee_id, status, score, started_on, ended_on";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final Clock clock;

    /** Moves with every mentorship inserted: mentorships are never deleted (retention empties). */
    private final io.tandem.shared.Revisions revisions;

    Mentorships(
            JdbcClient jdbc,
            JdbcTemplate template,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.template = template;
        this.revisions = new io.tandem.shared.Revisions(jdbc, transactions, "mentorship_revision");
    }

    long revision(OrganisationId organisation) {
        return io.tandem.web.RequestMemo.revision(revisions, organisation.value());
    }

    /** The program's active pairs. */
    List<ActivePairs.Pair> active(OrganisationId organisation, ProgramId program) {
        return jdbc.sql(
                        "select mentee_id, mentor_id from mentorship where organisation_id = ?"
                                + " and program_id = ? and status = 'ACTIVE'")
                .params(organisation.value(), program.value())
                .query(
                        (rs, n) ->
                                new ActivePairs.Pair(
                                        new PersonId(rs.getObject(1, UUID.class)),
                                        new PersonId(rs.getObject(2, UUID.class))))
                .list();
    }

    int activeMentors(OrganisationId organisation, ProgramId program, PersonId mentee) {
        return jdbc.sql(
                        "select count(*) from mentorship where organisation_id = ? and program_id = ?"
                                + " and mentee_id = ? and status = 'ACTIVE'")
                .params(organisation.value(), program.value(), mentee.value())
                .query(Integer.class)
                .single();
    }

    int activeMentees(OrganisationId organisation, ProgramId program, PersonId mentor) {
        return jdbc.sql(
                        "select count(*) from mentorship where organisation_id = ? and program_id = ?"
                                + " and mentor_id = ? and status = 'ACTIVE'")
                .params(organisation.value(), program.value(), mentor.value())
                .query(Integer.class)
                .single();
    }

    /** Every pair the program ever started, active or not, as (mentee, mentor). */
    Set<List<PersonId>> pairs(OrganisationId organisation, ProgramId program) {
        Set<List<PersonId>> pairs = new HashSet<>();
        jdbc.sql(
                        "select mentee_id, mentor_id from mentorship where organisation_id = ?"
                                + " and program_id = ?")
                .params(organisation.value(), program.value())
                .query(
                        rs -> {
                            pairs.add(
                                    List.of(
                                            new PersonId(rs.getObject(1, UUID.class)),
                                            new PersonId(rs.getObject(2, UUID.class))));
                        });
        return pairs;
    }

    /**
     * Locks the program's row until the current transaction ends, waiting for its holder; creates
     * the row the first time. "On conflict do nothing" waits for a concurrent creator instead of
     * failing, so the caller's transaction stays usable on PostgreSQL.
     */
    void lock(ProgramId program) {
        jdbc.sql("insert into mentorship_lock (program_id) values (?) on conflict do nothing")
                .param(program.value())
                .update();
        jdbc.sql("select program_id from mentorship_lock where program_id = ? for update")
                .param(program.value())
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .single();
    }

    /** Inserts new mentorships in batches of 1,000. */
    void insertAll(OrganisationId organisation, List<MentorshipSummary> all, UUID source) {
        revisions.move(organisation.value());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows =
                all.stream()
                        .map(
                                m ->
                                        new Object[] {
                                            m.id().value(),
                                            organisation.value(),
                                            m.programId().value(),
                                            m.mentorId().value(),
                                            m.menteeId().value(),
                                            m.status().name(),
                                            m.score(),
                                            source,
                                            Date.valueOf(m.startedOn()),
                                            now,
                                            now
                                        })
                        .toList();
        for (int i = 0; i < rows.size(); i += 1000) {
            template.batchUpdate(
                    "insert into mentorship (id, organisation_id, program_id, mentor_id, mentee_id,"
                            + " status, score, source, started_on, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    List<MentorshipSummary> find(
            OrganisationId organisation, ProgramId program, PersonId person, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String from = from(organisation, program, person, params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from "
                                + from
                                + " order by started_on desc, id limit ? offset ?")
                .params(params)
                .query(Mentorships::map)
                .list();
    }

    /** The program's mentorships in {@link #find}'s order, each handed on as it is read. */
    void forEach(
            OrganisationId organisation,
            ProgramId program,
            java.util.function.Consumer<MentorshipSummary> each) {
        jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from mentorship where organisation_id = ? and program_id = ?"
                                + " order by started_on desc, id")
                .params(organisation.value(), program.value())
                .query(
                        (org.springframework.jdbc.core.RowCallbackHandler)
                                rs -> each.accept(map(rs, 0)));
    }

    /**
     * The program's figures counted by the database: its pairs' match scores (none for a pair
     * without one), each mentor's active mentees, everyone in a pair and the first start.
     */
    ProgramPairs programPairs(OrganisationId organisation, ProgramId program) {
        List<Integer> scores = new ArrayList<>();
        Map<PersonId, Integer> load = new java.util.HashMap<>();
        Set<PersonId> people = new HashSet<>();
        LocalDate[] first = new LocalDate[1];
        jdbc.sql(
                        "select mentor_id, mentee_id, status, score, started_on from mentorship"
                                + " where organisation_id = ? and program_id = ?")
                .params(organisation.value(), program.value())
                .query(
                        (org.springframework.jdbc.core.RowCallbackHandler)
                                rs -> {
                                    PersonId mentor = new PersonId(rs.getObject(1, UUID.class));
                                    people.add(mentor);
                                    people.add(new PersonId(rs.getObject(2, UUID.class)));
                                    if ("ACTIVE".equals(rs.getString(3))) {
                                        load.merge(mentor, 1, Integer::sum);
                                    }
                                    int score = rs.getInt(4);
                                    if (!rs.wasNull()) {
                                        scores.add(score);
                                    }
                                    LocalDate started = rs.getObject(5, LocalDate.class);
                                    if (first[0] == null || started.isBefore(first[0])) {
                                        first[0] = started;
                                    }
                                });
        return new ProgramPairs(scores, load, people, first[0]);
    }

    /** How many mentorships each program of the organisation has, in one statement. */
    Map<ProgramId, Long> countByProgram(OrganisationId organisation) {
        Map<ProgramId, Long> counts = new java.util.HashMap<>();
        jdbc.sql(
                        "select program_id, count(*) from mentorship where organisation_id = ?"
                                + " group by program_id")
                .params(organisation.value())
                .query(
                        (org.springframework.jdbc.core.RowCallbackHandler)
                                rs ->
                                        counts.put(
                                                new ProgramId(
                                                        rs.getObject(1, java.util.UUID.class)),
                                                rs.getLong(2)));
        return counts;
    }

    long count(OrganisationId organisation, ProgramId program, PersonId person) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from " + from(organisation, program, person, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    /**
     * The rows {@link #find} and {@link #count} read. A person's are the union of two indexed
     * lookups (as mentor, as mentee): H2 answers {@code mentor_id = ? or mentee_id = ?} by reading
     * every mentorship of the organisation.
     */
    private static String from(
            OrganisationId organisation, ProgramId program, PersonId person, List<Object> params) {
        if (person == null) {
            return "mentorship where " + where(organisation, program, params);
        }
        String mentor = where(organisation, program, params) + " and mentor_id = ?";
        params.add(person.value());
        String mentee = where(organisation, program, params) + " and mentee_id = ?";
        params.add(person.value());
        return "(select "
                + COLUMNS
                + " from mentorship where "
                + mentor
                + " union select "
                + COLUMNS
                + " from mentorship where "
                + mentee
                + ") mine";
    }

    private static String where(
            OrganisationId organisation, ProgramId program, List<Object> params) {
        params.add(organisation.value());
        if (program == null) {
            return "organisation_id = ?";
        }
        params.add(program.value());
        return "organisation_id = ? and program_id = ?";
    }

    private static MentorshipSummary map(ResultSet rs, int row) throws SQLException {
        int score = rs.getInt("score");
        Integer boxed = rs.wasNull() ? null : score;
        LocalDate started = rs.getObject("started_on", LocalDate.class);
        return new MentorshipSummary(
                new MentorshipId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("mentor_id", UUID.class)),
                new PersonId(rs.getObject("mentee_id", UUID.class)),
                MentorshipStatus.valueOf(rs.getString("status")),
                boxed,
                started,
                rs.getObject("ended_on", LocalDate.class));
    }
}
