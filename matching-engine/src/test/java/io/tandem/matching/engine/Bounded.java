package io.tandem.matching.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Solves with a deadline, so that a regression that loops forever fails the property instead of
 * hanging the build: the solver polls its cancellation token in every long loop, and a timer
 * cancels it. jqwik properties have no timeout of their own.
 */
final class Bounded {

    /** Far above any solve in the properties (milliseconds each), even on a loaded machine. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "bounded-solve-timer");
                        t.setDaemon(true);
                        return t;
                    });

    private Bounded() {}

    static Assignment solve(
            AssignmentSolver solver,
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective) {
        return solve(solver, matrix, capacities, objective, LIMIT);
    }

    static Assignment solve(
            AssignmentSolver solver,
            SparseScores scores,
            Capacities capacities,
            Objective objective) {
        CancellationToken token = new CancellationToken();
        ScheduledFuture<?> timer =
                TIMER.schedule(token::cancel, LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return solver.solve(scores, capacities, objective, token, ProgressListener.NONE);
        } catch (CancelledException e) {
            throw new AssertionError(
                    objective + " on " + scores + " did not finish within " + LIMIT, e);
        } finally {
            timer.cancel(false);
        }
    }

    static Assignment solve(
            AssignmentSolver solver,
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective,
            Duration limit) {
        CancellationToken token = new CancellationToken();
        ScheduledFuture<?> timer =
                TIMER.schedule(token::cancel, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return solver.solve(matrix, capacities, objective, token, ProgressListener.NONE);
        } catch (CancelledException e) {
            throw new AssertionError(
                    objective + " on " + matrix + " did not finish within " + limit, e);
        } finally {
            timer.cancel(false);
        }
    }
}
