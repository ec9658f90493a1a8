package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Published runs with all their pairs, kept on this instance: a published run never changes (its
 * pairs can no longer be locked, removed or assigned, and it is never unpublished), yet the API
 * answered each request for one by reading its thousands of proposals and their explanations again
 * (issue 17: 5,998 pairs cost the database server 11.5 ms a request on PostgreSQL). A run still
 * under review is read afresh every time.
 */
@Component
class PublishedRuns {

    /** Runs held at most (each holds every pair's explanation); emptied rather than grown. */
    static final int MAX_KEPT = 8;

    private record Key(OrganisationId organisation, MatchRunId run) {}

    private final Map<Key, MatchRunView> kept = new ConcurrentHashMap<>();

    /** The run as kept, or as {@code read} finds it (kept if it is published). */
    Optional<MatchRunView> find(
            OrganisationId organisation, MatchRunId id, Supplier<Optional<MatchRunView>> read) {
        Key key = new Key(organisation, id);
        MatchRunView run = kept.get(key);
        if (run != null) {
            return Optional.of(run);
        }
        Optional<MatchRunView> found = read.get();
        found.filter(r -> r.publishedAt() != null)
                .ifPresent(
                        r -> {
                            if (kept.size() >= MAX_KEPT) {
                                kept.clear();
                            }
                            kept.put(key, r);
                        });
        return found;
    }
}
