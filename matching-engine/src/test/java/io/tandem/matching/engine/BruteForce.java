package io.tandem.matching.engine;

/** Tries every assignment of a tiny instance; the reference for all three objectives. */
final class BruteForce {

    /** The best figures found: for FAIR the lowest score is {@code minScore}, else unused. */
    record Best(long total, int matched, int minScore) {}

    private BruteForce() {}

    static Best best(ScoreMatrix matrix, Capacities capacities, Objective objective) {
        int[] load = new int[matrix.cols()];
        Best[] best = {new Best(0, 0, Integer.MAX_VALUE)};
        search(matrix, capacities, objective, 0, load, 0, 0, Integer.MAX_VALUE, best);
        Best b = best[0];
        return b.matched == 0 ? new Best(0, 0, 0) : b;
    }

    private static void search(
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective,
            int row,
            int[] load,
            long total,
            int matched,
            int min,
            Best[] best) {
        if (row == matrix.rows()) {
            Best candidate = new Best(total, matched, min);
            if (better(candidate, best[0], objective)) {
                best[0] = candidate;
            }
            return;
        }
        search(matrix, capacities, objective, row + 1, load, total, matched, min, best);
        for (int j = 0; j < matrix.cols(); j++) {
            int s = matrix.score(row, j);
            if (s < 0 || load[j] >= capacities.of(j)) {
                continue;
            }
            load[j]++;
            search(
                    matrix,
                    capacities,
                    objective,
                    row + 1,
                    load,
                    total + s,
                    matched + 1,
                    Math.min(min, s),
                    best);
            load[j]--;
        }
    }

    private static boolean better(Best a, Best b, Objective objective) {
        return switch (objective) {
            case TOTAL -> a.total > b.total;
            case PARTICIPATION ->
                    a.matched > b.matched || (a.matched == b.matched && a.total > b.total);
            case FAIR ->
                    a.matched > b.matched
                            || (a.matched == b.matched
                                    && (a.minScore > b.minScore
                                            || (a.minScore == b.minScore && a.total > b.total)));
        };
    }
}
