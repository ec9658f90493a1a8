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
            int order,
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
            long revision,
            List<Entry> entries,
            Map<UUID, Entry> byId,
            PeopleValues values,
            Grams grams) {}

    /**
     * For each run of three characters in the entries' texts, the positions of the entries whose
     * text holds it, ascending (so in name order). A word of the query is in a text only if each of
     * its runs is, so the rarest run's entries are all a search must test.
     */
    private record Grams(Map<Long, int[]> positions) {

        private static final int[] NONE = new int[0];

        static Grams of(List<Entry> entries) {
            Map<Long, Positions> building = new HashMap<>();
            for (int at = 0; at < entries.size(); at++) {
                String text = entries.get(at).text();
                for (int i = 0; i + 3 <= text.length(); i++) {
                    building.computeIfAbsent(gram(text, i), g -> new Positions()).add(at);
                }
            }
            Map<Long, int[]> positions = new HashMap<>(building.size() * 2);
            building.forEach((gram, found) -> positions.put(gram, found.toArray()));
            return new Grams(positions);
        }

        /** The entries that may hold every word; null when no word has three characters. */
        int[] candidates(String[] words) {
            int[] fewest = null;
            for (String word : words) {
                for (int i = 0; i + 3 <= word.length(); i++) {
                    int[] found = positions.getOrDefault(gram(word, i), NONE);
                    if (fewest == null || found.length < fewest.length) {
                        fewest = found;
                    }
                }
            }
            return fewest;
        }

        private static long gram(String text, int i) {
            return ((long) text.charAt(i) << 32)
                    | ((long) text.charAt(i + 1) << 16)
                    | text.charAt(i + 2);
        }
    }

    /** A growing list of ascending positions, each kept once. */
    private static final class Positions {
        private int[] items = new int[4];
        private int size;

        void add(int at) {
            if (size > 0 && items[size - 1] == at) {
                return;
            }
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = at;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }
    }

    /** One page of ids in name order, and how many matched in all. */
    record Page(List<UUID> ids, long total) {}

    private final People people;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    DirectoryIndex(People people) {
        this.people = people;
    }

    Page search(OrganisationId organisation, DirectoryQuery query, PageQuery page) {
        Snapshot snapshot = snapshot(organisation);
        List<Entry> entries = snapshot.entries();
        Filter filter = Filter.of(query);
        if (filter.none()) {
            // The whole directory: a slice of the name order, nothing to test.
            int from = (int) Math.min(page.offset(), entries.size());
            List<UUID> ids =
                    entries.subList(from, Math.min(entries.size(), from + page.size())).stream()
                            .map(Entry::id)
                            .toList();
            return new Page(ids, entries.size());
        }
        // Only the entries that hold the query's rarest three letters need testing, if it has any.
        int[] candidates = snapshot.grams().candidates(filter.words());
        int count = candidates == null ? entries.size() : candidates.length;
        List<UUID> ids = new ArrayList<>(page.size());
        long total = 0;
        for (int k = 0; k < count; k++) {
            Entry e = entries.get(candidates == null ? k : candidates[k]);
            if (!filter.matches(e)) {
                continue;
            }
            if (total >= page.offset() && ids.size() < page.size()) {
                ids.add(e.id());
            }
            total++;
        }
        return new Page(ids, total);
    }

    /** A directory query with its words and values lowered once, as the entries hold them. */
    private record Filter(
            String[] words,
            String division,
            String function,
            String location,
            String skill,
            String language,
            WorkMode workMode,
            Integer level) {

        static Filter of(DirectoryQuery query) {
            return new Filter(
                    DirectoryIndex.words(query.q()),
                    key(query.division()),
                    key(query.function()),
                    key(query.location()),
                    key(query.skill()),
                    key(query.language()),
                    query.workMode(),
                    query.level());
        }

        boolean none() {
            return words.length == 0
                    && division == null
                    && function == null
                    && location == null
                    && skill == null
                    && language == null
                    && workMode == null
                    && level == null;
        }

        boolean matches(Entry e) {
            return contains(e.text(), words)
                    && (division == null || division.equals(e.division()))
                    && (function == null || function.equals(e.function()))
                    && (location == null || location.equals(e.location()))
                    && (workMode == null || workMode == e.workMode())
                    && (level == null || level.equals(e.level()))
                    && (skill == null || e.skills().contains(skill))
                    && (language == null || e.languages().contains(language));
        }
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

    /**
     * The first {@code page} of {@code among} (ids of other organisations left out) in name order
     * whose name, e-mail, employee id or title holds every word of {@code q} (everyone when blank),
     * and how many match in all: a form that picks one of thousands lists a page of them.
     */
    Page among(
            OrganisationId organisation,
            java.util.Collection<PersonId> among,
            String q,
            PageQuery page) {
        Snapshot snapshot = snapshot(organisation);
        String[] words = words(q);
        int[] orders = new int[among.size()];
        int size = 0;
        for (PersonId id : among) {
            Entry e = snapshot.byId().get(id.value());
            if (e != null && contains(e.text(), words)) {
                orders[size++] = e.order();
            }
        }
        java.util.Arrays.sort(orders, 0, size);
        List<UUID> ids = new ArrayList<>(page.size());
        for (long k = page.offset(); k < size && ids.size() < page.size(); k++) {
            ids.add(snapshot.entries().get(orders[(int) k]).id());
        }
        return new Page(ids, size);
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
        Map<String, String> interned = new HashMap<>();
        for (PersonRow p : sorted) {
            Entry entry = entry(entries.size(), p, interned);
            entries.add(entry);
            byId.put(p.id(), entry);
        }
        return new Snapshot(
                revision, List.copyOf(entries), byId, values(sorted), Grams.of(entries));
    }

    /** One person's entry; equal values share one string ({@code interned}). */
    private static Entry entry(int order, PersonRow p, Map<String, String> interned) {
        return new Entry(
                order,
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
    }

    /** The values the directory's filters offer, sorted; skills and languages as first typed. */
    private static PeopleValues values(List<PersonRow> people) {
        Set<String> divisions = new TreeSet<>();
        Set<String> functions = new TreeSet<>();
        Set<String> locations = new TreeSet<>();
        Map<String, String> skills = new TreeMap<>();
        Map<String, String> languages = new TreeMap<>();
        for (PersonRow p : people) {
            addTo(divisions, p.division());
            addTo(functions, p.function());
            addTo(locations, p.location());
            p.skills().forEach(s -> skills.putIfAbsent(Tags.key(s), s));
            p.languages().forEach(l -> languages.putIfAbsent(Tags.key(l), l));
        }
        return new PeopleValues(
                List.copyOf(divisions),
                List.copyOf(functions),
                List.copyOf(locations),
                List.copyOf(skills.values()),
                List.copyOf(languages.values()));
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
