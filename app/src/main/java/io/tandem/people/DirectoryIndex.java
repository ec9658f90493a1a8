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

    /** What the directory filters on, for one person. */
    private record Entry(
            UUID id,
            String text,
            String division,
            String function,
            String location,
            WorkMode workMode,
            Integer level,
            Set<String> skills,
            Set<String> languages) {}

    private record Snapshot(long revision, List<Entry> entries, PeopleValues values) {}

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

    private Snapshot snapshot(OrganisationId organisation) {
        long revision = people.revision(organisation);
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
            entries.add(
                    new Entry(
                            p.id(),
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
                                    .collect(Collectors.toUnmodifiableSet())));
        }
        PeopleValues values =
                new PeopleValues(
                        List.copyOf(divisions),
                        List.copyOf(functions),
                        List.copyOf(locations),
                        List.copyOf(skills.values()),
                        List.copyOf(languages.values()));
        return new Snapshot(revision, List.copyOf(entries), values);
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
