package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Office-hour slots; a booking is a conditional update that exactly one caller can win. */
@Repository
class OfficeHours {

    private static final String COLUMNS =
            "id, program_id, mentor_id, starts_at, ends_at, zone, booked_by, meeting_id";

    private final JdbcClient jdbc;

    OfficeHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganisationId organisation, OfficeHour slot, Instant now) {
        jdbc.sql(
                        "insert into office_hour (id, organisation_id, program_id, mentor_id,"
                                + " starts_at, ends_at, zone, created_at) values (?, ?, ?, ?, ?, ?,"
                                + " ?, ?)")
                .params(
                        slot.id(),
                        organisation.value(),
                        slot.programId().value(),
                        slot.mentorId().value(),
                        Timestamp.from(slot.start()),
                        Timestamp.from(slot.end()),
                        slot.zone(),
                        Timestamp.from(now))
                .update();
    }

    Optional<OfficeHour> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from office_hour where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(OfficeHours::map)
                .optional();
    }

    List<OfficeHour> upcoming(OrganisationId organisation, ProgramId program, Instant after) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from office_hour where organisation_id = ? and program_id = ?"
                                + " and starts_at > ? order by starts_at, id")
                .params(organisation.value(), program.value(), Timestamp.from(after))
                .query(OfficeHours::map)
                .list();
    }

    /** Books the slot for {@code person} if it is still open; true for the one caller who wins. */
    boolean book(OrganisationId organisation, UUID id, PersonId person, UUID meeting, Instant now) {
        return jdbc.sql(
                                "update office_hour set booked_by = ?, meeting_id = ?, booked_at = ?"
                                        + " where id = ? and organisation_id = ? and booked_by is null")
                        .params(
                                person.value(),
                                meeting,
                                Timestamp.from(now),
                                id,
                                organisation.value())
                        .update()
                == 1;
    }

    private static OfficeHour map(ResultSet rs, int row) throws SQLException {
        UUID booked = rs.getObject("booked_by", UUID.class);
        return new OfficeHour(
                rs.getObject("id", UUID.class),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PersonId(rs.getObject("mentor_id", UUID.class)),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getString("zone"),
                booked == null ? null : new PersonId(booked),
                rs.getObject("meeting_id", UUID.class));
    }
}
