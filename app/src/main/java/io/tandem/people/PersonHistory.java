package io.tandem.people;

import io.tandem.identity.OrganisationId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What imports changed about people over time — who left, who came back, who moved division or
 * location — and the outcomes of a group of people against everyone else like them.
 */
@Component
class PersonHistory {

    enum Kind {
        LEFT,
        RETURNED,
        DIVISION,
        LOCATION
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PersonHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records what {@code updates} change about the people as they were {@code before}. */
    void record(OrganisationId organisation, List<PersonRow> before, List<PersonRow> updates) {
        Map<UUID, PersonRow> was = new HashMap<>();
        before.forEach(row -> was.put(row.id(), row));
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (PersonRow row : updates) {
            PersonRow old = was.get(row.id());
            if (old == null) {
                continue;
            }
            if (old.status() != row.status()) {
                Kind kind = row.status() == PersonStatus.INACTIVE ? Kind.LEFT : Kind.RETURNED;
                rows.add(change(organisation, row, kind, null, null, now));
            }
            if (!Objects.equals(old.division(), row.division())) {
                rows.add(
                        change(
                                organisation,
                                row,
                                Kind.DIVISION,
                                old.division(),
                                row.division(),
                                now));
            }
            if (!Objects.equals(old.location(), row.location())) {
                rows.add(
                        change(
                                organisation,
                                row,
                                Kind.LOCATION,
                                old.location(),
                                row.location(),
                                now));
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into person_change (id, organisation_id, person_id, kind, from_value,"
                            + " to_value, changed_at) values (?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    private static Object[] change(
            OrganisationId organisation,
            PersonRow row,
            Kind kind,
            String from,
            String to,
            Timestamp at) {
        return new Object[] {
            UUID.randomUUID(), organisation.value(), row.id(), kind.name(), from, to, at
        };
    }

    /** What imports changed about one person, oldest first, for their personal-data export. */
    List<Map<String, Object>> of(OrganisationId organisation, PersonId person) {
        return PersonalDataContributor.portable(
                jdbc.queryForList(
                        "select kind, from_value, to_value, changed_at from person_change"
                                + " where organisation_id = ? and person_id = ? order by changed_at",
                        organisation.value(),
                        person.value()));
    }

    /**
     * How the {@code group} fared since {@code since} against the people who were not in it but
     * stood where its members stood (same division and job level, as they were at {@code since}):
     * everyone who was in the organisation then, counted once.
     */
    CohortOutcomes compare(
            OrganisationId organisation, Collection<PersonId> group, Instant since, long revision) {
        Set<UUID> members = new HashSet<>();
        group.forEach(id -> members.add(id.value()));
        // The answer reads every person of the organisation (100,000 on a large one) and changes
        // only when people or their history change, which moves the revision: kept per revision.
        Compared key = new Compared(organisation, revision, since, members);
        CohortOutcomes known = compared.get(key);
        if (known != null) {
            return known;
        }
        CohortOutcomes fresh = compare(organisation, members, since);
        compared.put(key, fresh);
        return fresh;
    }

    private record Compared(
            OrganisationId organisation, long revision, Instant since, Set<UUID> members) {}

    /** The latest answers, a few per organisation and program. */
    private final Map<Compared, CohortOutcomes> compared =
            java.util.Collections.synchronizedMap(
                    new java.util.LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(
                                Map.Entry<Compared, CohortOutcomes> eldest) {
                            return size() > 64;
                        }
                    });

    private CohortOutcomes compare(OrganisationId organisation, Set<UUID> members, Instant since) {
        Timestamp from = Timestamp.from(since);
        Map<UUID, String> divisionThen = new HashMap<>();
        jdbc.query(
                "select person_id, from_value from person_change where organisation_id = ?"
                        + " and changed_at >= ? and kind = 'DIVISION' order by changed_at desc",
                rs -> {
                    // Newest first, so the earliest change since then is put last and wins.
                    divisionThen.put(rs.getObject(1, UUID.class), rs.getString(2));
                },
                organisation.value(),
                from);
        Map<List<Object>, int[]> inGroup = new HashMap<>();
        Map<List<Object>, int[]> others = new HashMap<>();
        jdbc.query(
                "select p.id, p.division, p.job_level, c.left_count, c.moved_count from person p"
                        + " left join (select person_id,"
                        + " sum(case when kind = 'LEFT' then 1 else 0 end) as left_count,"
                        + " sum(case when kind in ('DIVISION', 'LOCATION') then 1 else 0 end)"
                        + " as moved_count from person_change where organisation_id = ?"
                        + " and changed_at >= ? group by person_id) c on c.person_id = p.id"
                        + " where p.organisation_id = ? and p.created_at < ?"
                        + " and (p.status = 'ACTIVE' or c.left_count > 0)",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String division = divisionThen.getOrDefault(id, rs.getString(2));
                    Object level = rs.getObject(3);
                    List<Object> stratum = java.util.Arrays.asList(division, level);
                    int[] counts =
                            (members.contains(id) ? inGroup : others)
                                    .computeIfAbsent(stratum, k -> new int[3]);
                    counts[0]++;
                    counts[1] += rs.getInt(4) > 0 ? 1 : 0;
                    counts[2] += rs.getInt(5) > 0 ? 1 : 0;
                },
                organisation.value(),
                from,
                organisation.value(),
                Timestamp.from(since.plus(java.time.Duration.ofDays(1))));
        return new CohortOutcomes(total(inGroup, inGroup), total(others, inGroup));
    }

    /** The counts of {@code strata} summed over the strata that {@code where} has. */
    private static CohortOutcomes.Group total(
            Map<List<Object>, int[]> strata, Map<List<Object>, int[]> where) {
        int people = 0;
        int left = 0;
        int moved = 0;
        for (var entry : strata.entrySet()) {
            if (where.containsKey(entry.getKey())) {
                people += entry.getValue()[0];
                left += entry.getValue()[1];
                moved += entry.getValue()[2];
            }
        }
        return new CohortOutcomes.Group(people, left, moved);
    }
}
