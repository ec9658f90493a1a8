package io.tandem.people;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The directory's search: each organisation's people held in memory in name order, with their
 * filterable values pre-lowered, and rebuilt when the organisation's people revision moves, so
 * every instance behind a load balancer sees another instance's import on its next search.
 */
@Component
class DirectoryIndex {

    /**
     * What the directory filters on, for one person, and what pages that count or sort people show
     * of them (division and location as typed, names).
     */
    private record Entry(
            UUID id,
            String firstName,
            String lastName,
            String shownDivision,
            String shownLocation,
            String text,
            String division,
            String function,
            String location,
            WorkMode workMode,
            Integer level,
            Set<String> skills,
            Set<String> languages) {}

    private record Snapshot(
            long revision, List<Entry> entries, Map<UUID, Entry> byId, PeopleValues values) {}

    /** One page of ids in name order, and how many matched in all. */
    record Page(List<UUID> ids, long total) {}

    private final People people;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    DirectoryIndex(People people) {
        this.people = people;
    }

    Page search(OrganisationId organisation, DirectoryQuery query, PageQuery page) {
        List<Entry> entries = snapshot(organisation).entries();
        String[] words = words(query.q());
        String division = key(query.division());
        String function = key(query.function());
        String location = key(query.location());
        String skill = key(query.skill());
        String language = key(query.language());
        List<UUID> ids = new ArrayList<>(page.size());
        long total = 0;
        for (Entry e : entries) {
            if (!contains(e.text(), words)
                    || (division != null && !division.equals(e.division()))
                    || (function != null && !function.equals(e.function()))
                    || (location != null && !location.equals(e.location()))
                    || (query.workMode() != null && query.workMode() != e.workMode())
                    || (query.level() != null && !query.level().equals(e.level()))
                    || (skill != null && !e.skills().contains(skill))
                    || (language != null && !e.languages().contains(language))) {
                continue;
            }
            if (total >= page.offset() && ids.size() < page.size()) {
                ids.add(e.id());
            }
            total++;
        }
        return new Page(ids, total);
    }

    PeopleValues values(OrganisationId organisation) {
        return snapshot(organisation).values();
    }

    /**
     * How many of {@code ids} (each counted as often as it occurs) work in each division and at
     * each location, as typed ("—" for none), in order; ids of other organisations are left out.
     */
    PeopleSpread spread(OrganisationId organisation, java.util.Collection<PersonId> ids) {
        Map<UUID, Entry> byId = snapshot(organisation).byId();
        Map<String, Integer> divisions = new TreeMap<>();
        Map<String, Integer> locations = new TreeMap<>();
        for (PersonId id : ids) {
            Entry e = byId.get(id.value());
            if (e != null) {
                divisions.merge(
                        java.util.Objects.requireNonNullElse(e.shownDivision(), "—"),
                        1,
                        Integer::sum);
                locations.merge(
                        java.util.Objects.requireNonNullElse(e.shownLocation(), "—"),
                        1,
                        Integer::sum);
            }
        }
        return new PeopleSpread(divisions, locations);
    }

    /** The names of {@code ids}; ids of other organisations are left out. */
    Map<PersonId, PersonName> names(
            OrganisationId organisation, java.util.Collection<PersonId> ids) {
        Map<UUID, Entry> byId = snapshot(organisation).byId();
        Map<PersonId, PersonName> names = new HashMap<>();
        for (PersonId id : ids) {
            Entry e = byId.get(id.value());
            if (e != null) {
                names.put(id, new PersonName(id, e.firstName(), e.lastName()));
            }
        }
        return names;
    }

    /** The organisation's people revision, asked once per GET request. */
    long revision(OrganisationId organisation) {
        return io.tandem.web.RequestMemo.remember(
                "people-revision", organisation, organisation, () -> people.revision(organisation));
    }

    private Snapshot snapshot(OrganisationId organisation) {
        // A page that searches, counts and lists values asks the revision once.
        long revision = revision(organisation);
        Snapshot cached = snapshots.get(organisation.value());
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        Snapshot fresh = build(revision, people.findAll(organisation));
        snapshots.put(organisation.value(), fresh);
        return fresh;
    }

    private static Snapshot build(long revision, List<PersonRow> rows) {
        List<PersonRow> sorted = new ArrayList<>(rows);
        sorted.sort(
                Comparator.comparing(PersonRow::lastName)
                        .thenComparing(PersonRow::firstName)
                        .thenComparing(PersonRow::employeeId));
        List<Entry> entries = new ArrayList<>(sorted.size());
        Map<UUID, Entry> byId = new HashMap<>(sorted.size() * 2);
        Set<String> divisions = new TreeSet<>();
        Set<String> functions = new TreeSet<>();
        Set<String> locations = new TreeSet<>();
        Map<String, String> skills = new TreeMap<>();
        Map<String, String> languages = new TreeMap<>();
        Map<String, String> interned = new HashMap<>();
        for (PersonRow p : sorted) {
            addTo(divisions, p.division());
            addTo(functions, p.function());
            addTo(locations, p.location());
            p.skills().forEach(s -> skills.putIfAbsent(Tags.key(s), s));
            p.languages().forEach(l -> languages.putIfAbsent(Tags.key(l), l));
            Entry entry =
                    new Entry(
                            p.id(),
                            p.firstName(),
                            p.lastName(),
                            intern(interned, p.division()),
                            intern(interned, p.location()),
                            p.searchText(),
                            intern(interned, key(p.division())),
                            intern(interned, key(p.function())),
                            intern(interned, key(p.location())),
                            p.workMode(),
                            p.level(),
                            p.skills().stream()
                                    .map(s -> intern(interned, Tags.key(s)))
                                    .collect(Collectors.toUnmodifiableSet()),
                            p.languages().stream()
                                    .map(l -> intern(interned, Tags.key(l)))
                                    .collect(Collectors.toUnmodifiableSet()));
            entries.add(entry);
            byId.put(p.id(), entry);
        }
        PeopleValues values =
                new PeopleValues(
                        List.copyOf(divisions),
                        List.copyOf(functions),
                        List.copyOf(locations),
                        List.copyOf(skills.values()),
                        List.copyOf(languages.values()));
        return new Snapshot(revision, List.copyOf(entries), byId, values);
    }

    private static void addTo(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static String intern(Map<String, String> pool, String value) {
        return value == null ? null : pool.computeIfAbsent(value, v -> v);
    }

    private static boolean contains(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String q) {
        return q == null || q.isBlank()
                ? new String[0]
                : q.trim().toLowerCase(Locale.ROOT).split("\\s+");
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
