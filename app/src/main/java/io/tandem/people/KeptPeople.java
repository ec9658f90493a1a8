package io.tandem.people;

import io.tandem.identity.OrganisationId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * People that pages look up one at a time — the viewer by e-mail, for every page's layout, and the
 * few people a page shows — kept on this instance until the organisation's people revision moves
 * (issue 17: on PostgreSQL each of those reads was a round trip on every page). Every write to a
 * person moves that revision in its own transaction, on any instance, and a person is read after
 * the revision it is kept under, so a page never shows a person older than the revision it read.
 * Only GET requests use it: they write no person, so nothing is kept under the revision of a write
 * that is later rolled back.
 */
@Component
class KeptPeople {

    /** People held at most; emptied rather than grown past this. */
    static final int MAX_KEPT = 4_096;

    /** {@code key} is a {@link PersonId} or an e-mail address as asked. */
    private record Key(OrganisationId organisation, Object key) {}

    private record Kept(long revision, Optional<PersonSummary> person) {}

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    /** The person kept under {@code key} at {@code revision}, or what {@code read} finds. */
    Optional<PersonSummary> find(
            OrganisationId organisation,
            Object key,
            long revision,
            Supplier<Optional<PersonSummary>> read) {
        Optional<Optional<PersonSummary>> known = recall(organisation, key, revision);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<PersonSummary> person = read.get();
        keep(organisation, key, revision, person);
        return person;
    }

    /** What is kept under {@code key} at {@code revision}: a person, none, or not known. */
    Optional<Optional<PersonSummary>> recall(
            OrganisationId organisation, Object key, long revision) {
        Kept hit = kept.get(new Key(organisation, key));
        return hit != null && hit.revision() == revision
                ? Optional.of(hit.person())
                : Optional.empty();
    }

    void keep(
            OrganisationId organisation,
            Object key,
            long revision,
            Optional<PersonSummary> person) {
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(new Key(organisation, key), new Kept(revision, person));
    }
}
