package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import io.tandem.web.PageQuery;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mentorships; every statement is scoped by organisation. */
@Repository
class Mentorships {

    private static final String COLUMNS =
            "id, program_id, mentor_id, mentee_id, status, score, started_on, ended_on";

    private final JdbcClient jdbc;

    Mentorships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(ProgramId program, PersonId mentor, PersonId mentee) {
        return jdbc.sql(
                                "select count(*) from mentorship where program_id = ? and mentor_id = ?"
                                        + " and mentee_id = ?")
                        .params(program.value(), mentor.value(), mentee.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(OrganisationId organisation, MentorshipSummary m, UUID source) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql(
                        "insert into mentorship (id, organisation_id, program_id, mentor_id, mentee_id,"
                                + " status, score, source, started_on, created_at, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
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
                        now)
                .update();
    }

    List<MentorshipSummary> find(
            OrganisationId organisation, ProgramId program, PersonId person, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, program, person, params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from mentorship where "
                                + where
                                + " order by started_on desc, id limit ? offset ?")
                .params(params)
                .query(Mentorships::map)
                .list();
    }

    long count(OrganisationId organisation, ProgramId program, PersonId person) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, program, person, params);
        return jdbc.sql("select count(*) from mentorship where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(
            OrganisationId organisation, ProgramId program, PersonId person, List<Object> params) {
        StringBuilder where = new StringBuilder("organisation_id = ?");
        params.add(organisation.value());
        if (program != null) {
            where.append(" and program_id = ?");
            params.add(program.value());
        }
        if (person != null) {
            where.append(" and (mentor_id = ? or mentee_id = ?)");
            params.add(person.value());
            params.add(person.value());
        }
        return where.toString();
    }

    private static MentorshipSummary map(ResultSet rs, int row) throws SQLException {
        int score = rs.getInt("score");
        Integer boxed = rs.wasNull() ? null : score;
        LocalDate started = rs.getDate("started_on").toLocalDate();
        return new MentorshipSummary(
                new MentorshipId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("mentor_id", UUID.class)),
                new PersonId(rs.getObject("mentee_id", UUID.class)),
                MentorshipStatus.valueOf(rs.getString("status")),
                boxed,
                started,
                rs.getDate("ended_on") == null ? null : rs.getDate("ended_on").toLocalDate());
    }
}
