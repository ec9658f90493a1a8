package io.tandem.matching.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact optimum of an {@link Objective}: each mentee at most one mentor, each mentor at most its
 * capacity, never a forbidden pair. Deterministic: the same input gives the same assignment.
 *
 * <ul>
 *   <li>{@code TOTAL}: pair weight {@code (rows + 1) * score + 1}, so the sum comes first and,
 *       among equal sums, the larger number of pairs.
 *   <li>{@code PARTICIPATION}: weight {@code BIG + score} with {@code BIG} above any possible sum.
 *   <li>{@code FAIR}: the maximum number of pairs {@code K}; then the largest threshold {@code t}
 *       such that pairs scoring at least {@code t} still admit {@code K} pairs (binary search, each
 *       probe a capacitated Hopcroft–Karp warm-started from the last feasible matching); then
 *       {@code PARTICIPATION} on the pairs scoring at least {@code t}: {@code TOTAL}'s weights
 *       there, whose optimum is also {@code PARTICIPATION}'s when it has {@code K} pairs, and
 *       {@code PARTICIPATION}'s own when it has fewer.
 * </ul>
 */
public final class AssignmentSolver {

    /** Parts of at most this many mentees are solved with the settings of {@link #solvePart}. */
    static final int SMALL_PART_ROWS = 1_000;

    /** Candidates per mentee in a small part. */
    static final int SMALL_PART_CANDIDATES = 8;

    /**
     * The auction's bids per mentee in a small part. Family (g)'s parts hold fewer places than
     * mentees, and past two rounds of bids the mentees that will stay unmatched wage price wars in
     * small steps that the searches settle for less (thread CPU of (g) at 2, 4, 8 and 16 bids
     * alternately in one JVM: 30.1, 32.1, 35.0 and 33.5 ms; session 13).
     */
    static final int SMALL_PART_AUCTION_BIDS = 2;

    private final int threads;
    private final int candidates;
    private final int rowsPerType;

    /** A solver using up to 2 threads for the dense scans. */
    public AssignmentSolver() {
        this(Parallel.defaultThreads());
    }

    public AssignmentSolver(int threads) {
        this(threads, ShortestAugmentingPaths.DEFAULT_CANDIDATES);
    }

    /**
     * @param candidates mentors per mentee in the first candidate graph; any value gives the same
     *     optimum, only the speed changes
     */
    public AssignmentSolver(int threads, int candidates) {
        this(threads, candidates, Transportation.MIN_ROWS_PER_TYPE);
    }

    /**
     * @param rowsPerType collapse identical rows and columns into a transportation problem when
     *     there are at least this many rows per distinct row; 0 never collapses
     */
    AssignmentSolver(int threads, int candidates, int rowsPerType) {
        this.threads = Math.max(1, threads);
        this.candidates = Math.max(1, candidates);
        this.rowsPerType = Math.max(0, rowsPerType);
    }

    public Assignment solve(ScoreMatrix matrix, Capacities capacities, Objective objective) {
        return solve(matrix, capacities, objective, CancellationToken.NONE, ProgressListener.NONE);
    }

    public Assignment solve(
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective,
            CancellationToken token,
            ProgressListener progress) {
        int[] cap = capacities(capacities, matrix.cols());
        // Scores from a few categorical features repeat whole rows: solve the small problem.
        Transportation types =
                rowsPerType == 0 ? null : Transportation.collapse(matrix, cap, rowsPerType, token);
        return solve(Rows.of(matrix), cap, types, objective, token, progress);
    }

    public Assignment solve(SparseScores scores, Capacities capacities, Objective objective) {
        return solve(scores, capacities, objective, CancellationToken.NONE, ProgressListener.NONE);
    }

    /**
     * The same on sparse scores (only the allowed pairs, for cohorts whose full matrix does not fit
     * in memory), by the very path the dense matrix takes, row by row over the listed pairs: the
     * same scores give the same assignment, held either way.
     */
    public Assignment solve(
            SparseScores scores,
            Capacities capacities,
            Objective objective,
            CancellationToken token,
            ProgressListener progress) {
        int[] cap = capacities(capacities, scores.cols());
        Transportation types =
                rowsPerType == 0 ? null : Transportation.collapse(scores, cap, rowsPerType, token);
        return solve(Rows.of(scores), cap, types, objective, token, progress);
    }

    private static int[] capacities(Capacities capacities, int cols) {
        if (capacities.size() != cols) {
            throw new IllegalArgumentException(
                    capacities.size() + " capacities for " + cols + " mentors");
        }
        return capacities.toArray();
    }

    private Assignment solve(
            Rows rows,
            int[] cap,
            Transportation types,
            Objective objective,
            CancellationToken token,
            ProgressListener progress) {
        SolveStatistics.Counter counts = new SolveStatistics.Counter();
        if (types != null) {
            counts.collapsed();
        }
        int[] mentorOf =
                switch (objective) {
                    case TOTAL -> total(rows, cap, types, 0, token, progress, counts);
                    case PARTICIPATION ->
                            participation(rows, cap, types, 0, token, progress, counts);
                    case FAIR -> fair(rows, cap, types, token, progress, counts);
                };
        progress.onProgress(1.0);
        return rows.assignment(mentorOf).withStatistics(counts.total());
    }

    /** The largest sum, then the most pairs, among the pairs scoring at least {@code floor}. */
    private int[] total(
            Rows rows,
            int[] cap,
            Transportation types,
            int floor,
            CancellationToken token,
            ProgressListener progress,
            SolveStatistics.Counter counts) {
        long alpha = rows.n + 1L;
        if (types != null) {
            return types.solve(alpha, 1, floor);
        }
        return shortestPaths(rows, cap, floor, alpha, 1, token, progress, counts);
    }

    /**
     * Successive shortest paths on the whole problem, or on each connected part apart when the
     * allowed pairs fall apart (see {@link Components}), the parts shared out over the threads.
     */
    private int[] shortestPaths(
            Rows rows,
            int[] cap,
            int floor,
            long alpha,
            long beta,
            CancellationToken token,
            ProgressListener progress,
            SolveStatistics.Counter counts) {
        Components.Part[] parts = Components.of(rows, token);
        if (parts == null) {
            return new ShortestAugmentingPaths(
                            rows, cap, floor, alpha, beta, candidates, threads, token)
                    .countingInto(counts)
                    .solve(progress);
        }
        int[] mentorOf = new int[rows.n];
        Arrays.fill(mentorOf, Assignment.UNMATCHED);
        AtomicInteger done = new AtomicInteger();
        Components.Scratch[] scratch = new Components.Scratch[threads];
        Parallel.forEachBlock(
                parts.length,
                1,
                threads,
                (worker, from, to) -> {
                    if (scratch[worker] == null) {
                        scratch[worker] = new Components.Scratch();
                    }
                    for (int p = from; p < to; p++) {
                        Components.Part part = parts[p];
                        int[] got =
                                solvePart(
                                        part.scores(scratch[worker]),
                                        part,
                                        rows.m,
                                        cap,
                                        floor,
                                        alpha,
                                        beta,
                                        token,
                                        counts);
                        for (int r = 0; r < got.length; r++) {
                            // each part writes only its own rows
                            mentorOf[part.rows()[r]] = got[r] < 0 ? got[r] : part.cols()[got[r]];
                        }
                        int rowsDone = done.addAndGet(part.rows().length);
                        if (worker == 0) {
                            progress.onProgress((double) rowsDone / rows.n);
                        }
                    }
                });
        return mentorOf;
    }

    /**
     * One part on one thread, or on all of them for the part read in place. A small part (family
     * (g): about 200 mentees whose rows name most of its 60 mentors) gets short candidate lists and
     * no mentors' side: building those costs more there than the pricing rounds that add the few
     * missing pairs (session 11, engine README). Small means under half of all {@code mentors} (a
     * part Components never solves in place) and at most {@link #SMALL_PART_ROWS} mentees, whether
     * the scores are held dense or sparse, so that both give the same assignment.
     */
    private int[] solvePart(
            Rows scores,
            Components.Part part,
            int mentors,
            int[] cap,
            int floor,
            long alpha,
            long beta,
            CancellationToken token,
            SolveStatistics.Counter counts) {
        boolean small = 2L * part.cols().length < mentors && part.rows().length <= SMALL_PART_ROWS;
        return new ShortestAugmentingPaths(
                        scores,
                        part.capacities(cap),
                        floor,
                        alpha,
                        beta,
                        small ? Math.min(candidates, SMALL_PART_CANDIDATES) : candidates,
                        small ? 0 : ShortestAugmentingPaths.COLUMN_CANDIDATES,
                        // the part in place holds most of the pairs (the product's cohort: all
                        // but a small language group): its scans get every thread
                        part.whole() != null ? threads : 1,
                        token)
                .auctionBids(
                        small
                                ? SMALL_PART_AUCTION_BIDS
                                : ShortestAugmentingPaths.AUCTION_BIDS_PER_MENTEE)
                // a small part's searches are short (about 12 columns on (g)): bids at ε cost more
                .epsilonBids(small ? 0 : ShortestAugmentingPaths.EPSILON_BIDS_PER_MENTEE)
                .countingInto(counts)
                .solve(ProgressListener.NONE);
    }

    private int[] participation(
            Rows rows,
            int[] cap,
            Transportation types,
            int floor,
            CancellationToken token,
            ProgressListener progress,
            SolveStatistics.Counter counts) {
        long pairs = Math.min(rows.n, Arrays.stream(cap).asLongStream().sum());
        long big = pairs * Math.max(0, rows.maxScore) + 1;
        if (types != null) {
            return types.solve(1, big, floor);
        }
        return shortestPaths(rows, cap, floor, 1, big, token, progress, counts);
    }

    /**
     * A first maximum-size matching, without a weighted solve: each mentee in turn takes its best
     * mentor with room, then Hopcroft–Karp grows that to the maximum, or to {@code atMost} pairs
     * (an upper bound on the maximum). Only its size and its lowest score matter to FAIR's
     * threshold search, which used to start from the participation optimum and so paid for one more
     * weighted solve than it needs.
     */
    static int[] maximumMatching(Rows rows, int[] cap, long atMost, CancellationToken token) {
        int n = rows.n;
        int[] a = rows.score;
        int[] room = cap.clone();
        int[] colOf = new int[n];
        for (int i = 0; i < n; i++) {
            if ((i & 1023) == 0) {
                token.throwIfCancelled();
            }
            int best = -1;
            int bestScore = -1;
            for (int k = rows.from(i), end = rows.to(i); k < end; k++) {
                int j = rows.col(i, k);
                if (a[k] > bestScore && room[j] > 0) {
                    best = j;
                    bestScore = a[k];
                }
            }
            colOf[i] = best;
            if (best >= 0) {
                room[best]--;
            }
        }
        // When the greedy pass already fills every place it can, there is nothing to prove.
        new MaxCardinality(rows, cap, token).maximize(0, colOf, (int) Math.min(n, atMost));
        return colOf;
    }

    private int[] fair(
            Rows rows,
            int[] cap,
            Transportation types,
            CancellationToken token,
            ProgressListener progress,
            SolveStatistics.Counter counts) {
        ThresholdBound bound = ThresholdBound.of(rows, cap, token);
        int[] best =
                types != null
                        ? types.solve(0, 1, 0) // the small problem: any maximum matching
                        : maximumMatching(rows, cap, bound.pairs(0), token);
        progress.onProgress(0.2);
        Assignment first = rows.assignment(best);
        if (first.matched() == 0) {
            progress.onProgress(1.0);
            return best;
        }
        int k = first.matched();
        int lo = first.minScore().getAsInt(); // feasible
        int hi = rows.maxScore;
        MaxCardinality flow = new MaxCardinality(rows, cap, token);
        int[] probe = new int[best.length];
        boolean[] dropped = new boolean[best.length];
        int[] feasible = best;
        while (lo < hi) {
            int t = lo + (int) (((long) hi - lo + 1) / 2);
            for (int i = 0; i < probe.length; i++) {
                int j = feasible[i];
                probe[i] = j >= 0 && rows.score(i, j) >= t ? j : -1;
                dropped[i] = j >= 0 && probe[i] < 0;
            }
            boolean enough;
            if (bound.pairs(t) < k) {
                enough = false; // too few mentees or places left at this threshold: no search
            } else if (types != null) {
                // the small problem solves from scratch faster than a warm start on the large one
                int[] most = types.solve(0, 1, t);
                enough = rows.assignment(most).matched() == k;
                if (enough) {
                    probe = most;
                }
            } else {
                enough = flow.maximize(t, probe, k, dropped, feasible) == k;
            }
            if (enough) {
                // Every pair of this matching scores at least t; its minimum may be higher.
                int min = Integer.MAX_VALUE;
                for (int i = 0; i < probe.length; i++) {
                    if (probe[i] >= 0) {
                        min = Math.min(min, rows.score(i, probe[i]));
                    }
                }
                lo = min;
                feasible = probe.clone();
            } else {
                hi = t - 1;
            }
            progress.onProgress(0.2 + 0.1 * (1 - (double) (hi - lo) / Math.max(1, hi)));
        }
        // Most pairs, then the largest sum, among the pairs >= lo. TOTAL's weights there first: a
        // matching that maximises them over all matchings maximises the sum over those of K pairs,
        // so reaching K it is the optimum, and it solves like TOTAL (PARTICIPATION's constant
        // turns the scores into a plateau: on (f) at 10,000 x 3,000, 6.5 times the columns).
        int[] byTotal =
                total(
                        rows,
                        cap,
                        types,
                        lo,
                        token,
                        ProgressListener.slice(progress, 0.3, 0.65),
                        counts);
        if (rows.assignment(byTotal).matched() == k) {
            return byTotal;
        }
        return participation(
                rows, cap, types, lo, token, ProgressListener.slice(progress, 0.65, 1), counts);
    }
}
