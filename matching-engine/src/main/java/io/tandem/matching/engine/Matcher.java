package io.tandem.matching.engine;

/** One entry point for every algorithm; the app and the CLI call this. */
public final class Matcher {

    private Matcher() {}

    public static Assignment solve(
            ScoreMatrix matrix, Capacities capacities, Objective objective, Algorithm algorithm) {
        return solve(
                matrix,
                capacities,
                objective,
                algorithm,
                CancellationToken.NONE,
                ProgressListener.NONE);
    }

    /**
     * Solves with {@code algorithm}; {@link Algorithm#GREEDY} and {@link Algorithm#STABLE} ignore
     * the objective.
     *
     * @throws CancelledException when {@code token} is cancelled before the end
     */
    public static Assignment solve(
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective,
            Algorithm algorithm,
            CancellationToken token,
            ProgressListener progress) {
        return switch (algorithm) {
            case OPTIMAL ->
                    new AssignmentSolver().solve(matrix, capacities, objective, token, progress);
            case GREEDY -> GreedyMatcher.solve(matrix, capacities, token, progress);
            case STABLE -> {
                int[] mentorOf = stable(Rankings.fromScores(matrix), capacities, token, progress);
                yield Assignment.of(matrix, mentorOf);
            }
        };
    }

    /**
     * The same on sparse scores (only the allowed pairs), without a dense matrix, for every
     * algorithm: the same assignment as on the dense matrix of the same scores.
     */
    public static Assignment solve(
            SparseScores scores,
            Capacities capacities,
            Objective objective,
            Algorithm algorithm,
            CancellationToken token,
            ProgressListener progress) {
        return switch (algorithm) {
            case OPTIMAL ->
                    new AssignmentSolver().solve(scores, capacities, objective, token, progress);
            case GREEDY -> GreedyMatcher.solve(scores, capacities, token, progress);
            case STABLE -> {
                int[] mentorOf = stable(Rankings.fromScores(scores), capacities, token, progress);
                yield scores.assignment(mentorOf);
            }
        };
    }

    /** Mentee-proposing deferred acceptance: each mentee's mentor, or -1. */
    private static int[] stable(
            Rankings rankings,
            Capacities capacities,
            CancellationToken token,
            ProgressListener progress) {
        int[] mentorOf =
                StableMatcher.match(rankings, capacities, StableMatcher.Proposer.MENTEES, token);
        progress.onProgress(1.0);
        return mentorOf;
    }
}
