package io.tandem.matching.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * Proves an assignment optimal with no second solver: LP duality on the capacitated assignment.
 *
 * <p>Maximise {@code Σ w(i,j) x(i,j)} subject to {@code Σ_j x(i,j) <= 1}, {@code Σ_i x(i,j) <=
 * cap(j)}, {@code x >= 0}. Any {@code u >= 0, v >= 0} with {@code u(i) + v(j) >= w(i,j)} on every
 * usable pair bounds every assignment by {@code Σ u + Σ cap·v}; an assignment reaching that bound
 * is optimal. Complementary slackness says where the bound is reached: matched pairs tight, {@code
 * u(i) > 0} only for matched mentees, {@code v(j) > 0} only for full mentors.
 *
 * <p>The potentials are not taken from the solver under test: they are derived from the assignment
 * alone, as shortest-path distances of the difference constraints that complementary slackness
 * imposes (Bellman–Ford). They exist exactly when the assignment is optimal (a negative cycle is an
 * improving exchange); the check itself then verifies every condition on every pair.
 */
final class DualCertificate {

    /** Pair weight {@code alpha * score + beta} on allowed pairs scoring at least {@code floor}. */
    record Weights(long alpha, long beta, int floor) {

        long of(int score) {
            return alpha * score + beta;
        }

        boolean usable(int score) {
            return score >= 0 && score >= floor;
        }

        /** The weights {@link AssignmentSolver} optimises for {@code TOTAL}. */
        static Weights total(ScoreMatrix matrix) {
            return new Weights(matrix.rows() + 1L, 1, 0);
        }

        /** The weights for {@code PARTICIPATION}, on pairs scoring at least {@code floor}. */
        static Weights participation(ScoreMatrix matrix, Capacities capacities, int floor) {
            long pairs = Math.min(matrix.rows(), capacities.total());
            return new Weights(1, pairs * Math.max(0, matrix.maxScore()) + 1, floor);
        }
    }

    private DualCertificate() {}

    /**
     * Empty when {@code mentorOf} is proven optimal for {@code w}; otherwise why not (an
     * infeasibility, or the broken dual condition).
     */
    static Optional<String> check(
            ScoreMatrix matrix, Capacities capacities, int[] mentorOf, Weights w) {
        int n = matrix.rows();
        int m = matrix.cols();
        int[] load = new int[m];
        for (int i = 0; i < n; i++) {
            int j = mentorOf[i];
            if (j < 0) {
                continue;
            }
            if (!w.usable(matrix.score(i, j))) {
                return Optional.of("mentee " + i + " uses unusable pair with mentor " + j);
            }
            if (++load[j] > capacities.of(j)) {
                return Optional.of("mentor " + j + " over capacity");
            }
        }
        long[] v = potentials(matrix, capacities, mentorOf, load, w);
        if (v == null) {
            return Optional.of("no dual: a negative cycle (an improving exchange) exists");
        }
        long[] u = new long[n];
        long primal = 0;
        for (int i = 0; i < n; i++) {
            int j = mentorOf[i];
            if (j >= 0) {
                long wij = w.of(matrix.score(i, j));
                primal += wij;
                u[i] = wij - v[j];
            }
        }
        long dual = 0;
        for (int i = 0; i < n; i++) {
            if (u[i] < 0) {
                return Optional.of("u(" + i + ") < 0");
            }
            if (u[i] > 0 && mentorOf[i] < 0) {
                return Optional.of("u(" + i + ") > 0 for an unmatched mentee");
            }
            dual += u[i];
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                if (w.usable(s) && capacities.of(j) > 0 && u[i] + v[j] < w.of(s)) {
                    return Optional.of("reduced cost of (" + i + ", " + j + ") negative");
                }
            }
        }
        for (int j = 0; j < m; j++) {
            if (v[j] < 0) {
                return Optional.of("v(" + j + ") < 0");
            }
            if (v[j] > 0 && load[j] < capacities.of(j)) {
                return Optional.of("v(" + j + ") > 0 for a mentor with room");
            }
            dual += capacities.of(j) * v[j];
        }
        return primal == dual
                ? Optional.empty()
                : Optional.of("primal " + primal + " != dual " + dual);
    }

    /**
     * Mentor potentials satisfying complementary slackness with {@code mentorOf}, or {@code null}
     * when none exists. Node {@code m} stands for zero: {@code x(b) <= x(a) + c} is an arc a → b.
     */
    private static long[] potentials(
            ScoreMatrix matrix, Capacities capacities, int[] mentorOf, int[] load, Weights w) {
        int n = matrix.rows();
        int m = matrix.cols();
        int zero = m;
        long none = Long.MAX_VALUE;
        long[][] arc = new long[m + 1][m + 1];
        for (long[] row : arc) {
            Arrays.fill(row, none);
        }
        for (int j = 0; j < m; j++) {
            if (capacities.of(j) == 0) {
                continue;
            }
            relax(arc, j, zero, 0); // v(j) >= 0
            if (load[j] < capacities.of(j)) {
                relax(arc, zero, j, 0); // v(j) <= 0 for a mentor with room
            }
        }
        for (int i = 0; i < n; i++) {
            int c = mentorOf[i];
            long wic = c >= 0 ? w.of(matrix.score(i, c)) : 0;
            if (c >= 0) {
                relax(arc, zero, c, wic); // u(i) = w(i,c) - v(c) >= 0
            }
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                if (j == c || !w.usable(s) || capacities.of(j) == 0) {
                    continue;
                }
                // u(i) + v(j) >= w(i,j): v(c) <= v(j) + w(i,c) - w(i,j), or 0 <= v(j) - w(i,j)
                if (c >= 0) {
                    relax(arc, j, c, wic - w.of(s));
                } else {
                    relax(arc, j, zero, -w.of(s));
                }
            }
        }
        long[] x = new long[m + 1];
        for (int round = 0; ; round++) {
            boolean changed = false;
            for (int a = 0; a <= m; a++) {
                for (int b = 0; b <= m; b++) {
                    if (arc[a][b] != none && x[a] + arc[a][b] < x[b]) {
                        x[b] = x[a] + arc[a][b];
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
            if (round > m + 1) {
                return null;
            }
        }
        long[] v = new long[m];
        long top = 0;
        for (int j = 0; j < m; j++) {
            v[j] = x[j] - x[zero];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                top = Math.max(top, w.usable(s) ? w.of(s) : 0);
            }
        }
        for (int j = 0; j < m; j++) {
            if (capacities.of(j) == 0) {
                v[j] = top; // no place to take: any price is fine, and costs nothing
            }
        }
        return v;
    }

    private static void relax(long[][] arc, int a, int b, long c) {
        if (c < arc[a][b]) {
            arc[a][b] = c;
        }
    }

    /**
     * Proves {@code got} optimal for {@code objective}: TOTAL and PARTICIPATION by one certificate
     * each; FAIR by three (participation's size is the maximum, {@code got} is the best among
     * maximum-size assignments whose pairs score at least its lowest score, and no maximum-size
     * assignment has every pair above that score).
     */
    static Optional<String> proveOptimal(
            ScoreMatrix matrix, Capacities capacities, Objective objective, Assignment got) {
        return switch (objective) {
            case TOTAL -> check(matrix, capacities, got.mentorOfMentee(), Weights.total(matrix));
            case PARTICIPATION ->
                    check(
                            matrix,
                            capacities,
                            got.mentorOfMentee(),
                            Weights.participation(matrix, capacities, 0));
            case FAIR -> proveFair(matrix, capacities, got);
        };
    }

    private static Optional<String> proveFair(
            ScoreMatrix matrix, Capacities capacities, Assignment got) {
        AssignmentSolver solver = new AssignmentSolver(1);
        Assignment most = solver.solve(matrix, capacities, Objective.PARTICIPATION);
        Optional<String> size =
                check(
                        matrix,
                        capacities,
                        most.mentorOfMentee(),
                        Weights.participation(matrix, capacities, 0));
        if (size.isPresent()) {
            return size.map(s -> "participation: " + s);
        }
        if (got.matched() != most.matched()) {
            return Optional.of(got.matched() + " matched, " + most.matched() + " possible");
        }
        if (got.matched() == 0) {
            return Optional.empty();
        }
        int t = got.minScore().getAsInt();
        Optional<String> best =
                check(
                        matrix,
                        capacities,
                        got.mentorOfMentee(),
                        Weights.participation(matrix, capacities, t));
        if (best.isPresent()) {
            return best.map(s -> "at threshold " + t + ": " + s);
        }
        int[] above = matrix.array().clone();
        for (int k = 0; k < above.length; k++) {
            if (above[k] <= t) {
                above[k] = -1;
            }
        }
        ScoreMatrix higher = ScoreMatrix.wrap(matrix.rows(), matrix.cols(), above);
        Assignment fewer = solver.solve(higher, capacities, Objective.PARTICIPATION);
        Optional<String> cap =
                check(
                        higher,
                        capacities,
                        fewer.mentorOfMentee(),
                        Weights.participation(higher, capacities, 0));
        if (cap.isPresent()) {
            return cap.map(s -> "above threshold " + t + ": " + s);
        }
        return fewer.matched() < got.matched()
                ? Optional.empty()
                : Optional.of("pairs above " + t + " still admit " + fewer.matched());
    }
}
