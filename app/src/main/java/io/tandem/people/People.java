package io.tandem.people;

import io.tandem.identity.OrganisationId;
import io.tandem.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every statement here is scoped by organisation. */
@Repository
class People {

    private static final String COLUMNS =
            "id, employee_id, email, first_name, last_name, title, job_level, division,"
                    + " function_name, location, time_zone, work_mode, manager_id, status,"
                    + " languages, skills, skills_wanted, aspired_division, aspired_location, bio";
    private static final int BATCH = 1000;

    /** At most this many people have a rare tag. */
    private static final int RARE_TAG = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    People(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<PersonRow> findAll(OrganisationId organisation) {
        return jdbc.sql("select " + COLUMNS + " from person where organisation_id = ?")
                .param(organisation.value())
                .query(People::map)
                .list();
    }

    List<PersonRow> findAll(OrganisationId organisation, List<UUID> ids) {
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

    /**
     * One page of the directory: first the page's ids, which the database can read in the order of
     * the person_directory index and stop once it has a page of them, then only those rows.
     */
    List<PersonRow> search(OrganisationId organisation, DirectoryQuery query, PageQuery page) {
        List<Object> params = new ArrayList<>();
        params.add(organisation.value());
        String where = where(organisation, query, params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from person where organisation_id = ? and id in (select p.id"
                                + " from person p where "
                                + where
                                // organisation_id first, so the index order serves the sort.
                                + " order by p.organisation_id, p.last_name, p.first_name,"
                                + " p.employee_id limit ? offset ?)"
                                + " order by last_name, first_name, employee_id")
                .params(params)
                .query(People::map)
                .list();
    }

    long count(OrganisationId organisation, DirectoryQuery query) {
        boolean skill = present(query.skill());
        boolean language = present(query.language());
        boolean others =
                present(query.q())
                        || present(query.division())
                        || present(query.function())
                        || present(query.location())
                        || query.workMode() != null;
        if (skill != language && !others) {
            // Only one tag: the tag index alone counts its people.
            return jdbc.sql(
                            "select count(*) from person_tag where organisation_id = ? and kind = ?"
                                    + " and tag_key = ?")
                    .params(
                            organisation.value(),
                            skill ? "SKILL" : "LANGUAGE",
                            Tags.key(skill ? query.skill() : query.language()))
                    .query(Long.class)
                    .single();
        }
        List<Object> params = new ArrayList<>();
        String where = where(organisation, query, params);
        return jdbc.sql("select count(*) from person p where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(OrganisationId organisation, DirectoryQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder("p.organisation_id = ?");
        params.add(organisation.value());
        if (present(query.q())) {
            for (String word : query.q().trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                where.append(" and p.search_text like ? escape '\\'");
                params.add(
                        "%"
                                + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                                + "%");
            }
        }
        equalIgnoringCase(where, params, "p.division", query.division());
        equalIgnoringCase(where, params, "p.function_name", query.function());
        equalIgnoringCase(where, params, "p.location", query.location());
        if (query.workMode() != null) {
            where.append(" and p.work_mode = ?");
            params.add(query.workMode().name());
        }
        if (query.level() != null) {
            where.append(" and p.job_level = ?");
            params.add(query.level());
        }
        tag(organisation, where, params, "SKILL", query.skill());
        tag(organisation, where, params, "LANGUAGE", query.language());
        return where.toString();
    }

    private static void equalIgnoringCase(
            StringBuilder where, List<Object> params, String column, String value) {
        if (present(value)) {
            where.append(" and lower(").append(column).append(") = ?");
            params.add(value.trim().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A rare tag is looked up in the tag index and its few people found by id; a common one is
     * checked person by person as the directory index is read in order, which soon fills a page.
     */
    private void tag(
            OrganisationId organisation,
            StringBuilder where,
            List<Object> params,
            String kind,
            String value) {
        if (!present(value)) {
            return;
        }
        String key = Tags.key(value);
        if (rare(organisation, kind, key)) {
            where.append(
                    " and p.id in (select t.person_id from person_tag t where t.organisation_id = ?"
                            + " and t.kind = ? and t.tag_key = ?)");
            params.add(organisation.value());
        } else {
            where.append(
                    " and exists (select 1 from person_tag t where t.organisation_id = p.organisation_id"
                            + " and t.person_id = p.id and t.kind = ? and t.tag_key = ?)");
        }
        params.add(kind);
        params.add(key);
    }

    private boolean rare(OrganisationId organisation, String kind, String key) {
        long seen =
                jdbc.sql(
                                "select count(*) from (select 1 from person_tag where organisation_id"
                                        + " = ? and kind = ? and tag_key = ? limit "
                                        + (RARE_TAG + 1)
                                        + ") t")
                        .params(organisation.value(), kind, key)
                        .query(Long.class)
                        .single();
        return seen <= RARE_TAG;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    List<String> distinct(OrganisationId organisation, String column) {
        return jdbc.sql(
                        "select distinct "
                                + column
                                + " from person where organisation_id = ? and "
                                + column
                                + " is not null order by "
                                + column)
                .param(organisation.value())
                .query(String.class)
                .list();
    }

    /** The spelling first seen of each tag, in alphabetical order of its key. */
    List<String> tags(OrganisationId organisation, String kind) {
        String column = kind.equals("SKILL") ? "skills" : "languages";
        List<String> keys =
                jdbc.sql(
                                "select distinct tag_key from person_tag where organisation_id = ?"
                                        + " and kind = ? order by tag_key")
                        .params(organisation.value(), kind)
                        .query(String.class)
                        .list();
        java.util.Map<String, String> spelling = new java.util.HashMap<>();
        jdbc.sql("select " + column + " from person where organisation_id = ?")
                .param(organisation.value())
                .query(String.class)
                .list()
                .forEach(
                        joined ->
                                Tags.parse(joined)
                                        .forEach(tag -> spelling.putIfAbsent(Tags.key(tag), tag)));
        return keys.stream().map(key -> spelling.getOrDefault(key, key)).toList();
    }

    void insertAll(OrganisationId organisation, List<PersonRow> people) {
        Timestamp now = Timestamp.from(Instant.now());
        for (List<PersonRow> chunk : chunks(people)) {
            template.batchUpdate(
                    "insert into person ("
                            + COLUMNS
                            + ", email_key, search_text, organisation_id, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?)",
                    chunk.stream().map(p -> values(p, organisation, now, now, true)).toList());
        }
        replaceTags(organisation, people, false);
    }

    void updateAll(OrganisationId organisation, List<PersonRow> people) {
        Timestamp now = Timestamp.from(Instant.now());
        for (List<PersonRow> chunk : chunks(people)) {
            template.batchUpdate(
                    "update person set employee_id = ?, email = ?, first_name = ?, last_name = ?,"
                            + " title = ?, job_level = ?, division = ?, function_name = ?,"
                            + " location = ?, time_zone = ?, work_mode = ?, manager_id = ?,"
                            + " status = ?, languages = ?, skills = ?, skills_wanted = ?,"
                            + " aspired_division = ?, aspired_location = ?, bio = ?, email_key = ?,"
                            + " search_text = ?, updated_at = ? where id = ? and organisation_id = ?",
                    chunk.stream().map(p -> values(p, organisation, now, now, false)).toList());
        }
        replaceTags(organisation, people, true);
    }

    /**
     * Parameters in column order. For an insert: the columns, then email_key, search_text,
     * organisation, created, updated. For an update: the columns less id, then email_key,
     * search_text, updated, id, organisation.
     */
    private static Object[] values(
            PersonRow p,
            OrganisationId organisation,
            Timestamp created,
            Timestamp updated,
            boolean insert) {
        Object[] columns = {
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
            p.emailKey(),
            p.searchText()
        };
        List<Object> values = new ArrayList<>();
        if (insert) {
            values.add(p.id());
            values.addAll(java.util.Arrays.asList(columns).subList(0, 19));
            values.add(p.emailKey());
            values.add(p.searchText());
            values.add(organisation.value());
            values.add(created);
            values.add(updated);
        } else {
            for (Object column : columns) {
                values.add(column);
            }
            values.add(updated);
            values.add(p.id());
            values.add(organisation.value());
        }
        return values.toArray();
    }

    private void replaceTags(OrganisationId organisation, List<PersonRow> people, boolean clear) {
        if (clear) {
            for (List<PersonRow> chunk : chunks(people)) {
                template.batchUpdate(
                        "delete from person_tag where person_id = ? and organisation_id = ?",
                        chunk.stream()
                                .map(p -> new Object[] {p.id(), organisation.value()})
                                .toList());
            }
        }
        List<Object[]> tags = new ArrayList<>();
        for (PersonRow p : people) {
            p.skills().stream()
                    .map(Tags::key)
                    .distinct()
                    .forEach(
                            key ->
                                    tags.add(
                                            new Object[] {
                                                organisation.value(), p.id(), "SKILL", key
                                            }));
            p.languages().stream()
                    .map(Tags::key)
                    .distinct()
                    .forEach(
                            key ->
                                    tags.add(
                                            new Object[] {
                                                organisation.value(), p.id(), "LANGUAGE", key
                                            }));
        }
        for (int i = 0; i < tags.size(); i += BATCH) {
            template.batchUpdate(
                    "insert into person_tag (organisation_id, person_id, kind, tag_key) values (?, ?, ?, ?)",
                    tags.subList(i, Math.min(tags.size(), i + BATCH)));
        }
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
