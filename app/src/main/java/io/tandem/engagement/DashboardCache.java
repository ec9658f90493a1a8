package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each program's dashboard figures, computed at most once per {@code
 * tandem.engagement.dashboard-max-age}: recomputing every pair's health for each request costs far
 * more than a page may. One request computes at a time per program; the others meanwhile get the
 * previous figures, or wait for the new ones when the previous were evicted by a change a program
 * manager made (they must see its effect). Each instance keeps its own figures in memory.
 */
@Component
class DashboardCache {

    private record Key(OrganisationId organisation, ProgramId program) {}

    /** Figures with the eviction count they were computed under. */
    private record Held(DashboardReport report, long generation) {}

    private static final class Slot {
        final ReentrantLock computing = new ReentrantLock();
        final AtomicLong generation = new AtomicLong();
        volatile Held held;
    }

    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();
    private final Clock clock;
    private final Duration maxAge;

    DashboardCache(Clock clock, EngagementProperties properties) {
        this.clock = clock;
        this.maxAge = properties.dashboardMaxAge();
    }

    /** The program's figures, computed by {@code compute} unless fresh ones are held. */
    DashboardReport get(
            OrganisationId organisation, ProgramId program, Supplier<ProgramReport> compute) {
        Slot slot = slots.computeIfAbsent(new Key(organisation, program), k -> new Slot());
        Held held = slot.held;
        if (fresh(slot, held)) {
            return held.report();
        }
        boolean onlyOld = held != null && held.generation() == slot.generation.get();
        if (onlyOld) {
            if (!slot.computing.tryLock()) {
                return held.report();
            }
        } else {
            slot.computing.lock();
        }
        try {
            held = slot.held;
            if (fresh(slot, held)) {
                return held.report();
            }
            // Read before computing: an eviction while the figures are computed makes them stale.
            long generation = slot.generation.get();
            java.time.Instant asOf = clock.instant();
            computations.incrementAndGet();
            DashboardReport report = new DashboardReport(compute.get(), asOf);
            slot.held = new Held(report, generation);
            return report;
        } finally {
            slot.computing.unlock();
        }
    }

    private boolean fresh(Slot slot, Held held) {
        return held != null
                && held.generation() == slot.generation.get()
                && clock.instant().isBefore(held.report().asOf().plus(maxAge));
    }

    /**
     * Drops the program's figures now and again once the current transaction commits, so that
     * figures computed from what the transaction had not yet written are not kept either.
     */
    void evict(OrganisationId organisation, ProgramId program) {
        Key key = new Key(organisation, program);
        drop(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            drop(key);
                        }
                    });
        }
    }

    private void drop(Key key) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.generation.incrementAndGet();
        }
    }

    /** How many times figures were computed since start, for tests. */
    long computations() {
        return computations.get();
    }
}
