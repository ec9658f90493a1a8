package io.tandem.matching.web;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.MatchRunId;
import io.tandem.matching.MatchRunView;
import io.tandem.matching.MatchingManagement;
import io.tandem.matching.PublishedPair;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What a match-run review sorts, filters and pages: the run's pairs (ids and scores, no
 * explanations), the mentees left over, and their names from the directory's index.
 *
 * <p>A published run never changes, so its pairs, in each order, are kept until the people's
 * revision moves (a name changed): a review of thousands of pairs then reads only its page's 50. A
 * run still under review may change on any instance, so it is read afresh on every view.
 */
@Component
class ReviewPairs {

    /** A pair with its people's names, as the review sorts and filters it. */
    record Candidate(PublishedPair pair, PersonName mentee, PersonName mentor) {}

    /** How many published runs are kept; a few are reviewed at a time. */
    private static final int KEPT = 8;

    private record Key(
            OrganisationId organisation, MatchRunId run, Instant publishedAt, long revision) {}

    private final MatchingManagement matching;
    private final PeopleManagement people;

    private final Map<Key, Review> kept =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Key, Review> eldest) {
                            return size() > KEPT;
                        }
                    });

    ReviewPairs(MatchingManagement matching, PeopleManagement people) {
        this.matching = matching;
        this.people = people;
    }

    /** The run's pairs and left-over mentees with their names; {@code run} is a finished run. */
    Review of(OrganisationId organisation, MatchRunView run) {
        if (!run.published()) {
            return read(organisation, run.id());
        }
        Key key = new Key(organisation, run.id(), run.publishedAt(), people.revision(organisation));
        Review review = kept.get(key);
        if (review == null) {
            review = read(organisation, run.id());
            kept.put(key, review);
        }
        return review;
    }

    private Review read(OrganisationId organisation, MatchRunId run) {
        List<PublishedPair> pairs = matching.pairs(organisation, run);
        List<MatchRunView.Unmatched> left = matching.unmatched(organisation, run);
        Set<PersonId> ids = new HashSet<>();
        pairs.forEach(
                p -> {
                    ids.add(p.mentee());
                    ids.add(p.mentor());
                });
        left.forEach(u -> ids.add(u.menteeId()));
        Map<PersonId, PersonName> names = people.names(organisation, ids);
        List<Candidate> candidates = new ArrayList<>(pairs.size());
        for (PublishedPair p : pairs) {
            candidates.add(new Candidate(p, names.get(p.mentee()), names.get(p.mentor())));
        }
        return new Review(List.copyOf(candidates), List.copyOf(left), Map.copyOf(names));
    }

    /** A run's pairs as the review shows them; each order is sorted once and kept with it. */
    static final class Review {

        private final List<Candidate> candidates;
        private final List<MatchRunView.Unmatched> unmatched;
        private final Map<PersonId, PersonName> names;
        private final Map<String, List<Candidate>> sorted = new ConcurrentHashMap<>();

        Review(
                List<Candidate> candidates,
                List<MatchRunView.Unmatched> unmatched,
                Map<PersonId, PersonName> names) {
            this.candidates = candidates;
            this.unmatched = unmatched;
            this.names = names;
        }

        int pairCount() {
            return candidates.size();
        }

        List<MatchRunView.Unmatched> unmatched() {
            return unmatched;
        }

        Map<PersonId, PersonName> names() {
            return names;
        }

        /** The pairs in {@code sort} order, those with {@code q} in a name only when given. */
        List<Candidate> pairs(String sort, String q) {
            String known =
                    switch (sort == null ? "" : sort) {
                        case "mentee", "mentor", "score-asc" -> sort;
                        default -> "score";
                    };
            List<Candidate> ordered =
                    sorted.computeIfAbsent(
                            known, s -> candidates.stream().sorted(order(s)).toList());
            if (q == null || q.isBlank()) {
                return ordered;
            }
            String needle = q.trim().toLowerCase(Locale.ROOT);
            return ordered.stream()
                    .filter(c -> named(c.mentee(), needle) || named(c.mentor(), needle))
                    .toList();
        }

        private static boolean named(PersonName name, String needle) {
            return name != null && name.name().toLowerCase(Locale.ROOT).contains(needle);
        }

        private static Comparator<Candidate> order(String sort) {
            Comparator<Candidate> byMentee =
                    Comparator.comparing(c -> c.mentee() == null ? "" : c.mentee().lastName());
            return switch (sort) {
                case "mentee" -> byMentee;
                case "mentor" ->
                        Comparator.comparing(
                                        (Candidate c) ->
                                                c.mentor() == null ? "" : c.mentor().lastName())
                                .thenComparing(byMentee);
                case "score-asc" ->
                        Comparator.comparingInt((Candidate c) -> c.pair().score())
                                .thenComparing(byMentee);
                default ->
                        Comparator.comparingInt((Candidate c) -> -c.pair().score())
                                .thenComparing(byMentee);
            };
        }
    }
}
