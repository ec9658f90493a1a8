package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * The exact optimum of a cohort too large to hold every allowed pair (family (f) at 50,000 ×
 * 15,000: about 540 M allowed pairs, over 4 GB), straight from the scorer. One streaming pass on
 * the scorer's threads keeps each mentee's best {@code k} allowed pairs and the best score it
 * leaves out; the exact solver runs on those lists; then its dual proves the result optimal against
 * the pairs never held, or names the rows that need more.
 *
 * <p>The proof: the solver's dual (see {@link ShortestAugmentingPaths#duals}) gives every mentee a
 * price {@code u[i] >= 0} and every mentor {@code v[j] >= 0}, {@code u[i] + v[j] >= weight(i, j)}
 * on every held pair, with equality on the assigned ones, {@code u} = 0 for an unmatched mentee and
 * {@code v} = 0 for a mentor with room. If the same inequality holds for every pair left out, the
 * dual is feasible for the whole problem and its value equals the assignment's: optimal. A row
 * whose best left-out score {@code r} has {@code weight(r) <= u[i] + min v} holds it for all its
 * left-out pairs at once; any other row is scored again ({@link RowScorer#scoreRow}) and each of
 * its left-out pairs is checked against its own mentor's price; the violated ones are added, and
 * the lists are solved again. Every round adds a pair or ends, so it ends.
 *
 * <p>{@code TOTAL} and {@code PARTICIPATION} are one weighted solve each, with the weights of
 * {@link AssignmentSolver}. {@code FAIR} needs the size {@code K} of a maximum matching and the
 * largest threshold {@code t} at which the pairs scoring at least {@code t} still admit {@code K},
 * then one proven {@code PARTICIPATION} solve on the pairs at or above {@code t}. Both are
 * questions of cardinality, answered without a weighted solve. The streaming pass also keeps each
 * mentor's best {@code capacity + 4} mentees ({@link MentorTops}): held as pairs (a mentor nobody
 * lists among their best may still be needed at a high threshold), and as {@link ThresholdBound}'s
 * places, which with each row's best score bound the pairs any threshold admits over every allowed
 * pair. A threshold over that bound is refused. Otherwise Hopcroft–Karp grows the last feasible
 * matching on the held pairs at or above it: reaching {@code K} proves it feasible (held pairs are
 * allowed pairs). Ending short, the search's König cover (the mentees it did not reach and the
 * mentors it did, whose places add up to the matching's size) is checked against the pairs left
 * out: only a pair from a reached mentee to a mentor not reached can be missed, and a reached
 * mentee whose best left-out score is below {@code t} has none; the others are scored again and
 * their missed pairs added, and the search resumes. When nothing is missed the cover bounds every
 * matching of all the pairs at or above {@code t}, so the maximum there is the matching's size:
 * exact. {@code K} is found the same way at the minimum. Each answer being exact, the binary search
 * ends at {@link AssignmentSolver}'s threshold.
 */
public final class PricingSolver {

    /**
     * Best pairs kept per mentee by the first pass. On (f) at 50,000 × 15,000, 64 let the first
     * solve's dual clear all but 9,589 rows without a second pass over every row (26.9–34.9 s of
     * process CPU in two runs), where 32 needed that pass (34.5–41.3 s) and 16 needed two (61.5 s).
     */
    public static final int DEFAULT_CANDIDATES = 64;

    /**
     * A pass over every row replaces the rows' own checks when more than 1/this of them fail. On
     * the product's (f) at 10,000 x 3,000 (scores of three criteria, ties by the hundred) 2,787
     * rows failed the first bound and 228 of them had a pair to add: scoring those 2,787 again
     * costs about a quarter of a pass over every row, and the next bound cleared all but 17.
     */
    private static final int REPRICE_SHARE = 2;

    /** Passes over every row at most per solve; then the failing rows alone are scored again. */
    private static final int MAX_REPRICES = Integer.getInteger("tandem.engine.reprices", 2);

    /** Mentors whose price fell furthest, checked pair by pair instead of by the row's bound. */
    static final int DROPPED = Integer.getInteger("tandem.engine.droppedMentors", 256);

    /**
     * For {@code FAIR}: each mentor's best {@code capacity + this} mentees are held too (see {@link
     * MentorTops}); negative: none, and the threshold search's bound counts the mentees alone.
     */
    static final int MENTOR_EXTRA = Integer.getInteger("tandem.engine.mentorExtra", 4);

    private static final boolean TRACE = Boolean.getBoolean("tandem.engine.pricingTrace");

    /** Rows scored per block of the streaming pass. */
    private static final int BLOCK = 64;

    /** Scores one mentee against every mentor, {@code -1} for a forbidden pair. */
    @FunctionalInterface
    public interface RowScorer {
        /** Writes mentee {@code i}'s score for every mentor {@code j} into {@code out[j]}. */
        void scoreRow(int i, int[] out);

        /** One pair's score; by default from its row, in {@code scratch} (one per mentor). */
        default int score(int i, int j, int[] scratch) {
            scoreRow(i, scratch);
            return scratch[j];
        }
    }

    /** The scorer's rows and single pairs. */
    private record ScorerRows(Scorer scorer) implements RowScorer {
        @Override
        public void scoreRow(int i, int[] out) {
            scorer.scoreRow(i, out, 0);
        }

        @Override
        public int score(int i, int j, int[] scratch) {
            return scorer.score(i, j, scratch);
        }
    }

    /**
     * What the solve did.
     *
     * @param assignment the optimum over every allowed pair
     * @param held the pairs held when the proof succeeded (each mentee's best, plus those the
     *     pricing added), on which the assignment's scores can be read
     * @param pairsHeld their number
     * @param rounds weighted solves and resumes on the held pairs (1: the first lists were enough)
     * @param rowsRescored rows scored again to check their left-out pairs, over all rounds
     * @param pairsAdded pairs the pricing added to the lists
     * @param scoreNanos the streaming pass
     * @param solveNanos the solves on the held pairs
     * @param pricingNanos the proof: the bounds, the rows scored again and the lists rebuilt
     * @param proof the dual of the last weighted solve, which every allowed pair keeps
     */
    public record Result(
            Assignment assignment,
            SparseScores held,
            long pairsHeld,
            int rounds,
            long rowsRescored,
            long pairsAdded,
            long scoreNanos,
            long solveNanos,
            long pricingNanos,
            Proof proof) {}

    /**
     * The last weighted solve's dual: pair weights {@code alpha * score + beta} over the pairs
     * scoring at least {@code floor}; {@code mentee[i] + mentor[j] >= weight} for every such pair
     * to a mentor with places, equal on the assigned ones, {@code mentee[i] = 0} when unmatched and
     * {@code mentor[j] = 0} when the mentor has room (for {@code FAIR}: its final {@code
     * PARTICIPATION} solve at the threshold).
     */
    public record Proof(long alpha, long beta, int floor, long[] mentee, long[] mentor) {}

    private final int candidates;
    private final int threads;
    private final int dropped;
    private final int mentorExtra;

    /** Keeps each mentee's {@link #DEFAULT_CANDIDATES} best pairs; up to 2 threads. */
    public PricingSolver() {
        this(DEFAULT_CANDIDATES, Parallel.defaultThreads());
    }

    /**
     * @param candidates best pairs kept per mentee by the first pass (any value gives the same
     *     optimum; fewer hold less and may need more rounds)
     */
    public PricingSolver(int candidates, int threads) {
        this(candidates, threads, DROPPED);
    }

    /**
     * @param dropped mentors whose fallen prices are checked pair by pair (0: the bound alone)
     */
    PricingSolver(int candidates, int threads, int dropped) {
        this(candidates, threads, dropped, MENTOR_EXTRA);
    }

    /**
     * @param mentorExtra for {@code FAIR}, each mentor's best {@code capacity + mentorExtra}
     *     mentees held as well (negative: none)
     */
    PricingSolver(int candidates, int threads, int dropped, int mentorExtra) {
        this.candidates = Math.max(1, candidates);
        this.threads = Math.max(1, threads);
        this.dropped = Math.max(0, dropped);
        this.mentorExtra = mentorExtra;
    }

    /** The optimum of the scorer's pairs scoring at least {@code minimum}. */
    public Result solve(
            Scorer scorer,
            Capacities capacities,
            Objective objective,
            int minimum,
            CancellationToken token,
            ProgressListener progress) {
        return solve(
                scorer.mentees(),
                scorer.mentors(),
                new ScorerRows(scorer),
                capacities,
                objective,
                minimum,
                token,
                progress);
    }

    /**
     * The optimum of the pairs {@code scores} gives (forbidden: negative) scoring at least {@code
     * minimum}, over {@code rows} mentees and {@code cols} mentors, without holding them all;
     * {@code scores} is called from several threads, with an array of its own per thread.
     */
    public Result solve(
            int rows,
            int cols,
            RowScorer scores,
            Capacities capacities,
            Objective objective,
            int minimum,
            CancellationToken token,
            ProgressListener progress) {
        if (capacities.size() != cols) {
            throw new IllegalArgumentException(
                    capacities.size() + " capacities for " + cols + " mentors");
        }
        Run run = new Run(rows, cols, scores, capacities.toArray(), Math.max(0, minimum), token);
        if (objective == Objective.FAIR && mentorExtra >= 0) {
            run.tops = MentorTops.of(rows, run.cap, mentorExtra, threads, run.minimum);
        }
        long t = System.nanoTime();
        run.held = run.best(ProgressListener.slice(progress, 0, 0.6));
        run.scoreNanos = System.nanoTime() - t;
        int[] mentorOf =
                switch (objective) {
                    case TOTAL -> run.proven(0, rows + 1L, 1);
                    case PARTICIPATION -> run.proven(0, 1, run.big());
                    case FAIR -> run.fair();
                };
        progress.onProgress(1.0);
        Assignment a = run.held.assignment(mentorOf);
        return new Result(
                a,
                run.held,
                run.held.pairs(),
                run.rounds,
                run.rescored,
                run.added,
                run.scoreNanos,
                run.solveNanos,
                run.pricingNanos,
                run.proof);
    }

    /** The largest fall of a price among the mentors not listed, and the listed ones. */
    private record Falls(long fell, int[] fallen) {}

    /** One solve's state: the held lists and each row's best left-out score. */
    private final class Run {
        final int n;
        final int m;
        final RowScorer scores;
        final int[] cap;
        final int minimum;
        final CancellationToken token;

        /** Best left-out score per row at or above the minimum; -1: none left out. */
        final int[] rest;

        /** Each mentor's best mentees, gathered by the streaming pass ({@code FAIR}); or null. */
        MentorTops tops;

        /** Mentors' prices the left-out values are measured against; {@code null}: none yet. */
        long[] ref;

        long refAlpha;
        long refBeta;

        /** Best left-out weight minus its mentor's reference price, per row, once priced. */
        long[] restNet;

        /**
         * Rows whose {@code restNet} is measured against {@code ref}; the others use {@code rest}.
         */
        boolean[] netted;

        int reprices;
        SparseScores held;
        int rounds;
        long rescored;
        long added;
        long scoreNanos;
        long solveNanos;
        long pricingNanos;
        Proof proof;

        Run(int n, int m, RowScorer scores, int[] cap, int minimum, CancellationToken token) {
            this.n = n;
            this.m = m;
            this.scores = scores;
            this.cap = cap;
            this.minimum = minimum;
            this.token = token;
            this.rest = new int[n];
        }

        /** {@code PARTICIPATION}'s constant: above any reachable sum of scores. */
        long big() {
            long pairs = Math.min(n, Arrays.stream(cap).asLongStream().sum());
            return pairs * Math.max(0, held.maxScore()) + 1;
        }

        /**
         * The streaming pass: each row scored into one row of scratch, its best {@code k + 1}
         * allowed pairs picked (score descending, then column from the row's {@link #turn} on), the
         * first {@code k} kept in column order and the next one's score remembered as the best left
         * out.
         */
        SparseScores best(ProgressListener progress) {
            int k = Math.min(candidates, m);
            int workers = threads;
            RowBlocks out = new RowBlocks(n, k, BLOCK, workers);
            Parallel.forEachBlock(
                    n,
                    BLOCK,
                    threads,
                    (worker, from, to) -> {
                        token.throwIfCancelled();
                        int[] row = new int[m];
                        int[] turned = new int[m];
                        long[] heap = new long[k + 1];
                        long[] top = new long[k + 1];
                        int[] keptCol = new int[BLOCK * k];
                        int[] keptScore = new int[BLOCK * k];
                        int[] length = new int[BLOCK];
                        int at = 0;
                        for (int i = from; i < to; i++) {
                            scores.scoreRow(i, row);
                            if (tops != null) {
                                tops.offer(worker, i, row);
                            }
                            // ties go to the columns from the row's own start on (see turn)
                            int shift = turn(i);
                            System.arraycopy(row, shift, turned, 0, m - shift);
                            System.arraycopy(row, 0, turned, m - shift, shift);
                            int got =
                                    TopScores.select(
                                            turned,
                                            null,
                                            0,
                                            1,
                                            m,
                                            minimum,
                                            null,
                                            Long.MAX_VALUE,
                                            k + 1,
                                            heap,
                                            top);
                            int kept = Math.min(got, k);
                            rest[i] = got > k ? TopScores.scoreOf(top[k]) : -1;
                            // keys sort by score first: reorder the kept ones by column
                            long[] byCol = new long[kept];
                            for (int x = 0; x < kept; x++) {
                                int c = TopScores.colOf(top[x]) + shift;
                                byCol[x] =
                                        ((long) (c >= m ? c - m : c) << 32)
                                                | TopScores.scoreOf(top[x]);
                            }
                            Arrays.sort(byCol);
                            for (int x = 0; x < kept; x++) {
                                keptCol[at] = (int) (byCol[x] >>> 32);
                                keptScore[at++] = (int) byCol[x];
                            }
                            length[i - from] = kept;
                        }
                        out.add(worker, from, length, to - from, keptCol, keptScore, at);
                        if (worker == 0) {
                            progress.onProgress((double) to / n);
                        }
                    });
            return out.scores(m);
        }

        /**
         * The optimum for weights {@code alpha * score + beta} over every pair at or above {@code
         * floor}, proven against the pairs left out; the held lists grow as the proof needs.
         */
        int[] proven(int floor, long alpha, long beta) {
            int usable = Math.max(floor, minimum);
            long[] u = new long[n];
            long[] v = new long[m];
            ShortestAugmentingPaths sap = null;
            while (true) {
                token.throwIfCancelled();
                long t = System.nanoTime();
                int[] mentorOf;
                if (sap == null) {
                    sap =
                            new ShortestAugmentingPaths(
                                    Rows.of(held),
                                    cap,
                                    usable,
                                    alpha,
                                    beta,
                                    ShortestAugmentingPaths.DEFAULT_CANDIDATES,
                                    threads,
                                    token);
                    mentorOf = sap.solve(ProgressListener.NONE);
                } else {
                    // the pairs only grew: the last solve's assignment and prices carry over
                    mentorOf = sap.resume(Rows.of(held));
                }
                rounds++;
                sap.duals(u, v);
                proof = new Proof(alpha, beta, usable, u.clone(), v.clone());
                long t1 = System.nanoTime();
                solveNanos += t1 - t;
                // how far below the reference any mentor's price fell: the bound's slack
                long fell = Long.MIN_VALUE;
                for (int j = 0; j < m; j++) {
                    if (cap[j] > 0) {
                        fell = Math.max(fell, (ref == null ? 0 : ref[j]) - v[j]);
                    }
                }
                if (fell == Long.MIN_VALUE) {
                    pricingNanos += System.nanoTime() - t1;
                    return mentorOf; // no mentor has a place: nothing left out can be used
                }
                if (ref != null && (refAlpha != alpha || refBeta != beta)) {
                    throw new IllegalStateException("one run prices one set of weights");
                }
                int[] check = failing(usable, alpha, beta, u, v);
                int count = check.length;
                if (count == 0) {
                    pricingNanos += System.nanoTime() - t1;
                    return mentorOf;
                }
                if (TRACE) {
                    System.err.printf(
                            "pricing round %d: %d rows fail the bound, fell %d, ref %s%n",
                            rounds, count, fell, ref != null);
                }
                int[][] extra;
                if ((long) count * REPRICE_SHARE > n && reprices < MAX_REPRICES && m < (1 << 24)) {
                    // most rows fail: one pass over every row, keeping each one's best pairs at
                    // these prices, is cheaper than rounds of a few pairs each
                    extra = repriced(usable, alpha, beta, v);
                    rescored += n;
                    reprices++;
                } else {
                    if (ref == null) {
                        // these prices become the reference of the rows scored now: a row whose
                        // best left-out pair goes to a priced mentor then passes its bound next
                        // round instead of failing it round after round
                        ref = v.clone();
                        refAlpha = alpha;
                        refBeta = beta;
                        restNet = new long[n];
                        netted = new boolean[n];
                    }
                    extra = violated(check, count, usable, alpha, beta, u, v);
                    rescored += count;
                }
                if (extra == null) {
                    pricingNanos += System.nanoTime() - t1;
                    return mentorOf;
                }
                held = merged(extra);
                pricingNanos += System.nanoTime() - t1;
            }
        }

        /**
         * How far prices fell from {@code reference} ({@code null}: 0): the {@link #DROPPED}
         * mentors that fell furthest, to check pair by pair, and the largest fall among the others.
         */
        private Falls falls(long[] reference, long[] v) {
            long[] falls = new long[m];
            int places = 0;
            for (int j = 0; j < m; j++) {
                if (cap[j] > 0) {
                    falls[places++] = (reference == null ? 0 : reference[j]) - v[j];
                }
            }
            long[] sorted = Arrays.copyOf(falls, places);
            Arrays.sort(sorted);
            int d = Math.min(dropped, places - 1);
            long fell = sorted[places - 1 - d]; // the largest fall among the mentors not listed
            int[] fallen = new int[d];
            int listed = 0;
            for (int j = 0; j < m && listed < d; j++) {
                if (cap[j] > 0 && (reference == null ? 0 : reference[j]) - v[j] > fell) {
                    fallen[listed++] = j;
                }
            }
            return new Falls(fell, Arrays.copyOf(fallen, listed));
        }

        /**
         * The rows whose left-out pairs the bound cannot clear. A left-out pair's weight minus its
         * mentor's reference price is at most the row's best left-out value, so the pair keeps the
         * dual when that value plus the fall of its mentor's price (reference minus {@code v})
         * stays within {@code u[i]}. A row not yet measured against the reference (not scored again
         * since it was set) is measured against prices of 0, below every price. A few mentors'
         * prices fall far between two solves (a dual is not unique), so the {@link #DROPPED}
         * mentors that fell furthest are checked pair by pair ({@link RowScorer#score}) and the
         * bound takes the largest fall among the others.
         */
        private int[] failing(int usable, long alpha, long beta, long[] u, long[] v) {
            Falls fromRef = falls(ref, v);
            // rows not yet measured against the reference: their bound is the plain score, whose
            // reference is 0
            Falls fromZero = ref == null ? fromRef : falls(null, v);
            boolean[] fails = new boolean[n];
            Parallel.forEachBlock(
                    n,
                    BLOCK * 4,
                    threads,
                    (worker, from, to) -> {
                        int[] scratch = new int[m];
                        for (int i = from; i < to; i++) {
                            // rest[i] bounds the left-out scores in either measure: below the
                            // floor, nothing left out can be used
                            if (rest[i] < usable) {
                                continue;
                            }
                            // either measure clearing the row is enough
                            fails[i] =
                                    !clears(
                                                    i,
                                                    alpha * rest[i] + beta,
                                                    fromZero,
                                                    usable,
                                                    alpha,
                                                    beta,
                                                    u,
                                                    v,
                                                    scratch)
                                            && !(netted != null
                                                    && netted[i]
                                                    && clears(
                                                            i,
                                                            restNet[i],
                                                            fromRef,
                                                            usable,
                                                            alpha,
                                                            beta,
                                                            u,
                                                            v,
                                                            scratch));
                        }
                    });
            int count = 0;
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                if (fails[i]) {
                    out[count++] = i;
                }
            }
            return Arrays.copyOf(out, count);
        }

        /**
         * Whether row {@code i}'s left-out pairs keep the dual: its best left-out value {@code
         * bound} plus the largest fall of a price stays within {@code u[i]}, and its pairs to the
         * mentors that fell further (pair by pair, one score each) keep it too.
         */
        private boolean clears(
                int i,
                long bound,
                Falls f,
                int usable,
                long alpha,
                long beta,
                long[] u,
                long[] v,
                int[] scratch) {
            if (bound + f.fell() > u[i]) {
                return false;
            }
            int[] start = held.start();
            int[] col = held.col();
            for (int j : f.fallen()) {
                if (Arrays.binarySearch(col, start[i], start[i + 1], j) >= 0) {
                    continue; // held: the solver proved it
                }
                int sc = scores.score(i, j, scratch);
                if (sc >= usable && alpha * sc + beta > u[i] + v[j]) {
                    return false;
                }
            }
            return true;
        }

        /** A left-out pair's weight minus its mentor's reference price. */
        private long net(int j, int s, long alpha, long beta) {
            return alpha * s + beta - (ref == null ? 0 : ref[j]);
        }

        /**
         * Scores the rows {@code check[0..count)} again: per row, the left-out pairs whose weight
         * exceeds {@code u[i] + v[j]} ({@code (col, score)} pairs, columns increasing; {@code null}
         * for a row with none), and its best left-out value after they are added; {@code null} when
         * no row has one.
         */
        private int[][] violated(
                int[] check, int count, int usable, long alpha, long beta, long[] u, long[] v) {
            int[][] extra = new int[n][];
            boolean[] any = new boolean[1];
            int[] start = held.start();
            int[] col = held.col();
            // measured against the reference prices only in the reference's weights (a cover's
            // check counts pairs)
            boolean measure = ref != null && alpha == refAlpha && beta == refBeta;
            Parallel.forEachBlock(
                    count,
                    16,
                    threads,
                    (worker, from, to) -> {
                        token.throwIfCancelled();
                        int[] row = new int[m];
                        int[] found = new int[2 * m];
                        for (int x = from; x < to; x++) {
                            int i = check[x];
                            scores.scoreRow(i, row);
                            int e = start[i];
                            int end = start[i + 1];
                            int f = 0;
                            int best = -1;
                            long bestNet = Long.MIN_VALUE;
                            for (int j = 0; j < m; j++) {
                                int s = row[j];
                                if (e < end && col[e] == j) {
                                    e++; // held: the solver's own pricing proved it
                                    continue;
                                }
                                if (s < minimum || cap[j] <= 0) {
                                    continue;
                                }
                                if (s >= usable && alpha * s + beta > u[i] + v[j]) {
                                    found[f++] = j;
                                    found[f++] = s;
                                } else {
                                    best = Math.max(best, s);
                                    if (measure) {
                                        bestNet = Math.max(bestNet, net(j, s, alpha, beta));
                                    }
                                }
                            }
                            if (f > 0) {
                                extra[i] = Arrays.copyOf(found, f);
                                any[0] = true;
                            }
                            // what is left out once the violated pairs are added
                            rest[i] = best;
                            if (measure) {
                                restNet[i] = bestNet;
                                netted[i] = true;
                            }
                        }
                    });
            return any[0] ? extra : null;
        }

        /**
         * Every row scored again: its {@code candidates} best left-out pairs by weight minus the
         * mentor's price {@code v} are added, and the best value left out after them is kept
         * against {@code v}, the new reference. Prices move little from one solve to the next, so
         * the next bound {@code restNet[i] + (largest fall of a price) <= u[i]} clears most rows.
         */
        private int[][] repriced(int usable, long alpha, long beta, long[] v) {
            int[][] extra = new int[n][];
            int[] start = held.start();
            int[] col = held.col();
            long[] next = new long[n];
            int k = candidates;
            Parallel.forEachBlock(
                    n,
                    BLOCK,
                    threads,
                    (worker, from, to) -> {
                        token.throwIfCancelled();
                        int[] row = new int[m];
                        long[] heap = new long[k + 1];
                        for (int i = from; i < to; i++) {
                            scores.scoreRow(i, row);
                            int shift = turn(i);
                            int e = start[i];
                            int end = start[i + 1];
                            int size = 0;
                            for (int j = 0; j < m; j++) {
                                int s = row[j];
                                if (e < end && col[e] == j) {
                                    e++;
                                    continue;
                                }
                                if (s < minimum || cap[j] <= 0) {
                                    continue;
                                }
                                // (net value, then the column nearest the row's start, see
                                // turn) as one key; k + 1 kept
                                int t = j - shift;
                                long key =
                                        ((alpha * s + beta - v[j]) << 24)
                                                | (0xFFFFFF - (t < 0 ? t + m : t));
                                if (size <= k) {
                                    TopScores.siftUp(heap, size++, key);
                                } else if (key > heap[0]) {
                                    TopScores.siftDown(heap, size, key);
                                }
                            }
                            // the smallest of the k + 1 is the best left out
                            long left = Long.MIN_VALUE;
                            if (size > k) {
                                left = heap[0] >> 24;
                                size--;
                                TopScores.siftDown(heap, size, heap[size]);
                            }
                            next[i] = left;
                            if (size > 0) {
                                int[] pairs = new int[2 * size];
                                int[] cs = new int[size];
                                for (int x = 0; x < size; x++) {
                                    int c = 0xFFFFFF - (int) (heap[x] & 0xFFFFFF) + shift;
                                    cs[x] = c >= m ? c - m : c;
                                }
                                Arrays.sort(cs);
                                for (int x = 0; x < size; x++) {
                                    pairs[2 * x] = cs[x];
                                    pairs[2 * x + 1] = row[cs[x]];
                                }
                                extra[i] = pairs;
                            }
                        }
                    });
            ref = v.clone();
            refAlpha = alpha;
            refBeta = beta;
            restNet = next;
            netted = new boolean[n];
            Arrays.fill(netted, true);
            return extra;
        }

        /** The held lists with each row's extra pairs merged in, columns increasing. */
        private SparseScores merged(int[][] extra) {
            int[] start = held.start();
            int[] col = held.col();
            int[] score = held.score();
            int[] s = new int[n + 1];
            for (int i = 0; i < n; i++) {
                s[i + 1] =
                        s[i]
                                + start[i + 1]
                                - start[i]
                                + (extra[i] == null ? 0 : extra[i].length / 2);
            }
            int[] c = new int[s[n]];
            int[] sc = new int[s[n]];
            for (int i = 0; i < n; i++) {
                int[] x = extra[i];
                if (x == null) {
                    System.arraycopy(col, start[i], c, s[i], start[i + 1] - start[i]);
                    System.arraycopy(score, start[i], sc, s[i], start[i + 1] - start[i]);
                    continue;
                }
                added += x.length / 2;
                int a = start[i];
                int b = 0;
                int o = s[i];
                while (a < start[i + 1] || b < x.length) {
                    if (b >= x.length || (a < start[i + 1] && col[a] < x[b])) {
                        c[o] = col[a];
                        sc[o++] = score[a++];
                    } else {
                        c[o] = x[b];
                        sc[o++] = x[b + 1];
                        b += 2;
                    }
                }
            }
            return SparseScores.built(n, m, s, c, sc);
        }

        /**
         * The size of a maximum matching of every allowed pair scoring at least {@code t}, or
         * {@code target} if that is smaller: {@code colOf} (a matching of held pairs at or above
         * {@code t}) grown by Hopcroft–Karp on the held pairs, and proven against the pairs left
         * out by its König cover. The mentees the last search reached and the mentors it did not
         * are the only ends of a pair the cover misses; a reached mentee whose best left-out score
         * is below {@code t} has none, any other is scored again and its missed pairs are added
         * (the cover as a dual of weight-1 pairs: 1 on a mentee not reached, on a mentor reached).
         * No missed pair left: the cover bounds every matching, and this one reaches it.
         */
        private int maximum(int t, int[] colOf, int target, boolean[] first) {
            boolean[] rowsReached = new boolean[n];
            boolean[] colsReached = new boolean[m];
            while (true) {
                token.throwIfCancelled();
                long t0 = System.nanoTime();
                int got =
                        new MaxCardinality(Rows.of(held), cap, token)
                                .maximizeMarking(t, colOf, target, first, rowsReached, colsReached);
                solveNanos += System.nanoTime() - t0;
                t0 = System.nanoTime();
                if (got >= target) {
                    return got;
                }
                int[] check = new int[n];
                int count = 0;
                long[] u = new long[n];
                for (int i = 0; i < n; i++) {
                    u[i] = rowsReached[i] ? 0 : 1;
                    if (rowsReached[i] && rest[i] >= t) {
                        check[count++] = i;
                    }
                }
                long[] v = new long[m];
                for (int j = 0; j < m; j++) {
                    v[j] = colsReached[j] ? 1 : 0;
                }
                int[][] extra = count == 0 ? null : violated(check, count, t, 0, 1, u, v);
                rescored += count;
                if (TRACE) {
                    System.err.printf(
                            "threshold %d: %d of %d pairs held, %d rows checked, %s%n",
                            t, got, target, count, extra == null ? "proven" : "pairs added");
                }
                if (extra != null) {
                    held = merged(extra);
                }
                pricingNanos += System.nanoTime() - t0;
                if (extra == null) {
                    return got;
                }
            }
        }

        /**
         * The column from which row {@code i} breaks ties (the columns after it, then around to
         * it), spread over the mentors by a hash of the row. Scores made of a few criteria tie by
         * the hundred; broken by the lower column, every mentee's list named the same few of the
         * tied mentors and none of the others, and the first solve's dual failed most rows (the
         * product's (f) at 10,000 x 3,000: 9,452 of 10,000, and a pass over every row; spread,
         * 2,787).
         */
        int turn(int i) {
            long h = (i + 1L) * 0x9E3779B97F4A7C15L;
            return m == 0 ? 0 : (int) ((h >>> 33) % m);
        }

        /** Each mentee's best held score ({@code -1}: none). */
        private int[] rowBest() {
            int[] start = held.start();
            int[] score = held.score();
            int[] best = new int[n];
            for (int i = 0; i < n; i++) {
                best[i] = -1;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    best[i] = Math.max(best[i], score[e]);
                }
            }
            return best;
        }

        /** FAIR: see the class comment. */
        int[] fair() {
            long t0 = System.nanoTime();
            ThresholdBound bound;
            if (tops != null) {
                bound = tops.bound(cap, rowBest());
                held = merged(tops.pairsByRow(held));
                added = 0; // the mentors' best pairs come with the first pass
            } else {
                bound = ThresholdBound.kept(rowBest(), null);
            }
            pricingNanos += System.nanoTime() - t0;
            long most = Math.min(n, bound.pairs(minimum));
            t0 = System.nanoTime();
            int[] best = AssignmentSolver.maximumMatching(Rows.of(held), cap, most, token);
            solveNanos += System.nanoTime() - t0;
            int k = maximum(minimum, best, (int) most, null);
            if (k == 0) {
                return proven(0, 1, big()); // no allowed pair
            }
            int lo = Rows.of(held).assignment(best).minScore().getAsInt(); // feasible
            int hi = held.maxScore();
            int[] probe = new int[n];
            boolean[] lost = new boolean[n];
            while (lo < hi) {
                int t = lo + (int) (((long) hi - lo + 1) / 2);
                if (bound.pairs(t) < k) {
                    hi = t - 1; // too few mentees or places reach t: no search
                    continue;
                }
                Rows rows = Rows.of(held);
                for (int i = 0; i < n; i++) {
                    int j = best[i];
                    probe[i] = j >= 0 && rows.score(i, j) >= t ? j : -1;
                    lost[i] = j >= 0 && probe[i] < 0;
                }
                if (maximum(t, probe, k, lost) >= k) {
                    // every pair of this matching scores at least t; its lowest may be higher
                    lo = Rows.of(held).assignment(probe).minScore().getAsInt();
                    best = probe.clone();
                } else {
                    hi = t - 1;
                }
            }
            // the one weighted solve: most pairs, then the largest sum, among the pairs >= lo
            return proven(lo, 1, big());
        }
    }
}
