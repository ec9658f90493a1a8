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
        return within(
                LIMIT,
                objective + " on " + scores,
                token -> solver.solve(scores, capacities, objective, token, ProgressListener.NONE));
    }

    static Assignment solve(
            AssignmentSolver solver,
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective,
            Duration limit) {
        return within(
                limit,
                objective + " on " + matrix,
                token -> solver.solve(matrix, capacities, objective, token, ProgressListener.NONE));
    }

    /** Any solve given a token, cancelled after {@link #LIMIT}. */
    static <T> T within(String what, java.util.function.Function<CancellationToken, T> solve) {
        return within(LIMIT, what, solve);
    }

    private static <T> T within(
            Duration limit, String what, java.util.function.Function<CancellationToken, T> solve) {
        CancellationToken token = new CancellationToken();
        ScheduledFuture<?> timer =
                TIMER.schedule(token::cancel, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return solve.apply(token);
        } catch (CancelledException e) {
            throw new AssertionError(what + " did not finish within " + limit, e);
        } finally {
            timer.cancel(false);
        }
    }
}
