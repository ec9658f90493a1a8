package io.tandem.people;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.Revisions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/** Every statement here is scoped by organisation. */
@Repository
class People {

    private static final String COLUMNS =
            "id, employee_id, email, first_name, last_name, title, job_level, division,"
                    + " function_name, location, time_zone, work_mode, manager_id, status,"
                    + " languages, skills, skills_wanted, aspired_division, aspired_location, bio";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final Revisions revisions;

    private final Clock clock;

    People(
            JdbcClient jdbc,
            JdbcTemplate template,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.template = template;
        this.revisions = new Revisions(jdbc, transactions, "people_revision");
    }

    /**
     * Moves the organisation's people revision: every directory index rebuilds on its next search.
     */
    private void touch(OrganisationId organisation) {
        revisions.move(organisation.value());
    }

    /**
     * Replaces everything that names or describes the person with "Former member" and a placeholder
     * e-mail and employee id (both unique, as the constraints want), and makes them inactive. Their
     * id stays, so mentorships and counts keep pointing at someone.
     */
    void pseudonymise(OrganisationId organisation, UUID id, String placeholder) {
        jdbc.sql(
                        "update person set employee_id = :placeholder, email = :email,"
                                + " email_key = :email, first_name = :first, last_name = :last,"
                                + " title = null, job_level = null, division = null,"
                                + " function_name = null, location = null, work_mode = null,"
                                + " manager_id = null, status = 'INACTIVE', languages = '',"
                                + " skills = '', skills_wanted = '', aspired_division = null,"
                                + " aspired_location = null, bio = null, updated_at = :now"
                                + " where organisation_id = :org and id = :id")
                .param("placeholder", placeholder)
                .param("email", placeholder + PersonalDataManagement.ERASED_DOMAIN)
                .param("first", FORMER_FIRST)
                .param("last", FORMER_LAST)
                .param("now", Timestamp.from(clock.instant()))
                .param("org", organisation.value())
                .param("id", id)
                .update();
        touch(organisation);
    }

    static final String FORMER_FIRST = "Former";
    static final String FORMER_LAST = "member";

    long revision(OrganisationId organisation) {
        return io.tandem.web.RequestMemo.revision(revisions, organisation.value());
    }

    List<PersonRow> findAll(OrganisationId organisation) {
        return jdbc.sql("select " + COLUMNS + " from person where organisation_id = ?")
                .param(organisation.value())
                .query(People::map)
                .list();
    }

    List<PersonRow> findAll(OrganisationId organisation, List<UUID> ids) {
        if (ids.size() > BATCH) {
            // A whole program's people: one pass over the organisation's rows instead of one per
            // thousand ids (H2 checks each row against the list of every batch in turn).
            java.util.Set<UUID> wanted = new java.util.HashSet<>(ids);
            return findAll(organisation).stream().filter(row -> wanted.contains(row.id())).toList();
        }
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>();
            params.add(organisation.value());
            params.addAll(chunk);
            rows.addAll(
                    jdbc.sql(
                                    "select "
                                            + COLUMNS
                                            + " from person where organisation_id = ? and id in ("
                                            + marks
                                            + ")")
                            .params(params)
                            .query(People::map)
                            .list());
        }
        return rows;
    }

    /** The placements of {@code ids}, a thousand ids a statement; unknown ids are left out. */
    java.util.Map<PersonId, PersonPlacement> placements(
            OrganisationId organisation, List<UUID> ids) {
        java.util.Map<PersonId, PersonPlacement> found = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH));
            List<Object> params = new ArrayList<>();
            params.add(organisation.value());
            params.addAll(chunk);
            jdbc.sql(
                            "select id, first_name, last_name, division, location, function_name"
                                    + " from person where organisation_id = ? and id in ("
                                    + String.join(
                                            ", ", java.util.Collections.nCopies(chunk.size(), "?"))
                                    + ")")
                    .params(params)
                    .query(
                            (org.springframework.jdbc.core.RowCallbackHandler)
                                    rs -> {
                                        PersonId id = new PersonId(rs.getObject(1, UUID.class));
                                        found.put(
                                                id,
                                                new PersonPlacement(
                                                        id,
                                                        rs.getString(2),
                                                        rs.getString(3),
                                                        rs.getString(4),
                                                        rs.getString(5),
                                                        rs.getString(6)));
                                    });
        }
        return found;
    }

    java.util.Map<PersonId, PersonId> managers(OrganisationId organisation) {
        java.util.Map<PersonId, PersonId> managers = new java.util.HashMap<>();
        jdbc.sql("select id, manager_id from person where organisation_id = ?")
                .param(organisation.value())
                .query(
                        rs -> {
                            UUID manager = rs.getObject(2, UUID.class);
                            managers.put(
                                    new PersonId(rs.getObject(1, UUID.class)),
                                    manager == null ? null : new PersonId(manager));
                        });
        return managers;
    }

    long count(OrganisationId organisation) {
        return jdbc.sql("select count(*) from person where organisation_id = ?")
                .param(organisation.value())
                .query(Long.class)
                .single();
    }

    Optional<PersonRow> find(OrganisationId organisation, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from person where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(People::map)
                .optional();
    }

    Optional<PersonRow> findByEmail(OrganisationId organisation, String email) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from person where organisation_id = ? and email_key = ?")
                .params(organisation.value(), email.trim().toLowerCase(Locale.ROOT))
                .query(People::map)
                .optional();
    }

    List<PersonRow> findReports(OrganisationId organisation, UUID managerId) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from person where organisation_id = ? and manager_id = ?"
                                + " order by last_name, first_name")
                .params(organisation.value(), managerId)
                .query(People::map)
                .list();
    }

    void insertAll(OrganisationId organisation, List<PersonRow> people) {
        Timestamp now = Timestamp.from(clock.instant());
        for (List<PersonRow> chunk : chunks(people)) {
            template.batchUpdate(
                    "insert into person ("
                            + COLUMNS
                            + ", email_key, organisation_id, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?)",
                    chunk.stream().map(p -> values(p, organisation, now, now, true)).toList());
        }
        touch(organisation);
    }

    void updateAll(OrganisationId organisation, List<PersonRow> people) {
        Timestamp now = Timestamp.from(clock.instant());
        for (List<PersonRow> chunk : chunks(people)) {
            template.batchUpdate(
                    "update person set employee_id = ?, email = ?, first_name = ?, last_name = ?,"
                            + " title = ?, job_level = ?, division = ?, function_name = ?,"
                            + " location = ?, time_zone = ?, work_mode = ?, manager_id = ?,"
                            + " status = ?, languages = ?, skills = ?, skills_wanted = ?,"
                            + " aspired_division = ?, aspired_location = ?, bio = ?, email_key = ?,"
                            + " updated_at = ? where id = ? and organisation_id = ?",
                    chunk.stream().map(p -> values(p, organisation, now, now, false)).toList());
        }
        touch(organisation);
    }

    /**
     * Parameters in column order. For an insert: id, the columns, email_key, organisation, created,
     * updated. For an update: the columns, email_key, updated, id, organisation.
     */
    private static Object[] values(
            PersonRow p,
            OrganisationId organisation,
            Timestamp created,
            Timestamp updated,
            boolean insert) {
        List<Object> values = new ArrayList<>();
        if (insert) {
            values.add(p.id());
        }
        values.addAll(
                java.util.Arrays.asList(
                        p.employeeId(),
                        p.email(),
                        p.firstName(),
                        p.lastName(),
                        p.title(),
                        p.level(),
                        p.division(),
                        p.function(),
                        p.location(),
                        p.timeZone(),
                        p.workMode() == null ? null : p.workMode().name(),
                        p.managerId(),
                        p.status().name(),
                        Tags.join(p.languages()),
                        Tags.join(p.skills()),
                        Tags.join(p.skillsWanted()),
                        p.aspiredDivision(),
                        p.aspiredLocation(),
                        p.bio(),
                        p.emailKey()));
        if (insert) {
            values.add(organisation.value());
            values.add(created);
        }
        values.add(updated);
        if (!insert) {
            values.add(p.id());
            values.add(organisation.value());
        }
        return values.toArray();
    }

    private static List<List<PersonRow>> chunks(List<PersonRow> people) {
        List<List<PersonRow>> chunks = new ArrayList<>();
        for (int i = 0; i < people.size(); i += BATCH) {
            chunks.add(people.subList(i, Math.min(people.size(), i + BATCH)));
        }
        return chunks;
    }

    private static PersonRow map(ResultSet rs, int row) throws SQLException {
        Integer level = rs.getObject("job_level") == null ? null : rs.getInt("job_level");
        String workMode = rs.getString("work_mode");
        return new PersonRow(
                rs.getObject("id", UUID.class),
                rs.getString("employee_id"),
                rs.getString("email"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("title"),
                level,
                rs.getString("division"),
                rs.getString("function_name"),
                rs.getString("location"),
                rs.getString("time_zone"),
                workMode == null ? null : WorkMode.valueOf(workMode),
                rs.getObject("manager_id", UUID.class),
                PersonStatus.valueOf(rs.getString("status")),
                Tags.parse(rs.getString("languages")),
                Tags.parse(rs.getString("skills")),
                Tags.parse(rs.getString("skills_wanted")),
                rs.getString("aspired_division"),
                rs.getString("aspired_location"),
                rs.getString("bio"));
    }
}
