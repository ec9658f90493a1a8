package io.tandem.shared;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values kept on this instance by organisation and key, each under the {@link Revisions revision}
 * it was read after: a value kept at the revision a reader has just read is what the database holds
 * at that revision, since every write to what it counts moves the revision in the write's own
 * transaction. Holds at most a fixed number of values, emptied rather than grown past it. Callers
 * keep only what GET requests read (a write that is later rolled back must not leave a value under
 * its revision).
 */
public final class KeptByRevision<V> {

    private record Key(Object organisation, Object key) {}

    private record Kept<V>(long revision, V value) {}

    private final Map<Key, Kept<V>> kept = new ConcurrentHashMap<>();
    private final int most;

    public KeptByRevision(int most) {
        this.most = most;
    }

    /** The value kept under {@code key} at {@code revision}, or what {@code read} finds (kept). */
    public V find(Object organisation, Object key, long revision, Supplier<V> read) {
        Optional<V> known = recall(organisation, key, revision);
        if (known.isPresent()) {
            return known.get();
        }
        V value = read.get();
        keep(organisation, key, revision, value);
        return value;
    }

    /** What is kept under {@code key} at {@code revision}, if anything. */
    public Optional<V> recall(Object organisation, Object key, long revision) {
        Kept<V> hit = kept.get(new Key(organisation, key));
        return hit != null && hit.revision() == revision
                ? Optional.of(hit.value())
                : Optional.empty();
    }

    public void keep(Object organisation, Object key, long revision, V value) {
        if (kept.size() >= most) {
            kept.clear();
        }
        kept.put(new Key(organisation, key), new Kept<>(revision, value));
    }
}
