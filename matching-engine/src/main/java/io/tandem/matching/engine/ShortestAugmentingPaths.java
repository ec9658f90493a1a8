package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Exact maximum-weight capacitated assignment by successive shortest augmenting paths (the
 * Hungarian/Jonker–Volgenant family), with every mentee allowed to stay unmatched.
 *
 * <p>A pair's weight is {@code alpha * score + beta}; its cost is minus that. Mentees are added one
 * at a time; for each, Dijkstra over mentors (binary heap, reduced costs with column potentials
 * {@code v}, row potentials implied by the assigned arc) finds the cheapest augmenting path ending
 * at a mentor with spare capacity or at the "stay unmatched" column of cost 0. A full mentor, once
 * reached, makes all its mentees reachable at the same distance, so capacities need no copies of
 * the mentor. Mentors with spare capacity keep {@code v = 0}, full ones {@code v <= 0}: with the
 * implied row potentials this is an optimal dual for the flow problem.
 *
 * <p>Speed on dense matrices comes from pricing: solve on each mentee's best {@code k} mentors
 * only, then check the dual against every allowed pair. A pair with negative reduced cost joins the
 * candidate graph and the solve is repeated; when none is left, the solution is optimal for the
 * whole matrix. All arithmetic is on longs, so the optimum is exact.
 */
final class ShortestAugmentingPaths {

    /**
     * Candidates per mentee before pricing; enough that uniform random instances need no repeat.
     */
    static final int DEFAULT_CANDIDATES = 32;

    private static final boolean DEBUG = Boolean.getBoolean("tandem.debug");
    private static final long WEIGHT_LIMIT = 1L << 60;
    private static final int BLOCK = 256;

    private final int[] scores;
    private final int n;
    private final int m;
    private final int[] cap;
    private final int floor;
    private final long alpha;
    private final long beta;
    private final int candidates;
    private final int threads;
    private final CancellationToken token;

    /** Rounds of pricing the last solve needed (1 when the first candidate graph was enough). */
    int rounds;

    ShortestAugmentingPaths(
            ScoreMatrix matrix,
            int[] capacities,
            int floor,
            long alpha,
            long beta,
            int candidates,
            int threads,
            CancellationToken token) {
        if (capacities.length != matrix.cols()) {
            throw new IllegalArgumentException(
                    capacities.length + " capacities for " + matrix.cols() + " mentors");
        }
        this.scores = matrix.array();
        this.n = matrix.rows();
        this.m = matrix.cols();
        this.cap = capacities;
        this.floor = Math.max(0, floor);
        this.alpha = alpha;
        this.beta = beta;
        this.candidates = Math.max(1, candidates);
        this.threads = threads;
        this.token = token;
        long maxWeight = alpha * (long) Math.max(0, matrix.maxScore()) + beta;
        if (alpha <= 0
                || beta < 0
                || alpha > WEIGHT_LIMIT / (Integer.MAX_VALUE + 1L)
                || maxWeight >= WEIGHT_LIMIT) {
            throw new IllegalArgumentException("weights too large for exact long arithmetic");
        }
    }

    /** Returns the optimal mentor per mentee ({@code -1}: unmatched). */
    int[] solve(ProgressListener progress) {
        long t0 = System.nanoTime();
        Graph graph = candidateGraph(ProgressListener.slice(progress, 0, 0.15));
        if (DEBUG) System.err.printf("candidates %d ms%n", (System.nanoTime() - t0) / 1000000);
        rounds = 0;
        while (true) {
            rounds++;
            double from = Math.min(0.85, 0.15 + 0.7 * (rounds - 1) / rounds);
            t0 = System.nanoTime();
            Solution solution = augment(graph, null, ProgressListener.slice(progress, from, 0.85));
            if (DEBUG)
                System.err.printf(
                        "augment %d ms arcs=%d%n",
                        (System.nanoTime() - t0) / 1000000, graph.col.length);
            t0 = System.nanoTime();
            // Add each mentee's most violated pairs, twice as many each round: the graph only
            // grows, so the loop ends (at worst with every allowed pair).
            int[][] extra = violations(solution, candidates << Math.min(20, rounds - 1));
            if (DEBUG)
                System.err.printf(
                        "violations %d ms any=%s%n",
                        (System.nanoTime() - t0) / 1000000, extra != null);
            if (extra == null) {
                progress.onProgress(1.0);
                return solution.mentorOfMentee();
            }
            graph = graph.with(extra);
        }
    }

    /** Each mentee's best allowed mentors, sorted by score descending then index. */
    private Graph candidateGraph(ProgressListener progress) {
        int k = Math.min(candidates, Math.max(1, m));
        int[] count = new int[n];
        int[] colOf = new int[n * k];
        int[] scoreOf = new int[n * k];
        long[][] heaps = new long[threads][k];
        long[][] outs = new long[threads][k];
        int[] done = new int[1];
        Parallel.forEachBlock(
                n,
                BLOCK,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    long[] heap = heaps[worker];
                    long[] out = outs[worker];
                    for (int i = from; i < to; i++) {
                        int c =
                                TopScores.select(
                                        scores,
                                        i * m,
                                        1,
                                        m,
                                        floor,
                                        cap,
                                        Long.MAX_VALUE,
                                        k,
                                        heap,
                                        out);
                        count[i] = c;
                        for (int a = 0; a < c; a++) {
                            colOf[i * k + a] = TopScores.colOf(out[a]);
                            scoreOf[i * k + a] = TopScores.scoreOf(out[a]);
                        }
                    }
                    if (worker == 0) {
                        progress.onProgress((double) to / n);
                    }
                });
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] col = new int[start[n]];
        int[] score = new int[start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(colOf, i * k, col, start[i], count[i]);
            System.arraycopy(scoreOf, i * k, score, start[i], count[i]);
        }
        return new Graph(start, col, score);
    }

    private record Graph(int[] start, int[] col, int[] score) {

        /** This graph plus {@code extra[i]} (column, score pairs interleaved) for each row. */
        Graph with(int[][] extra) {
            int n = start.length - 1;
            int[] s = new int[n + 1];
            for (int i = 0; i < n; i++) {
                int add = extra[i] == null ? 0 : extra[i].length / 2;
                s[i + 1] = s[i] + (start[i + 1] - start[i]) + add;
            }
            int[] c = new int[s[n]];
            int[] sc = new int[s[n]];
            for (int i = 0; i < n; i++) {
                int len = start[i + 1] - start[i];
                System.arraycopy(col, start[i], c, s[i], len);
                System.arraycopy(score, start[i], sc, s[i], len);
                if (extra[i] != null) {
                    for (int a = 0; a < extra[i].length / 2; a++) {
                        c[s[i] + len + a] = extra[i][2 * a];
                        sc[s[i] + len + a] = extra[i][2 * a + 1];
                    }
                }
            }
            return new Graph(s, c, sc);
        }
    }

    /** Primal and dual state at the end of the augmentations. */
    private record Solution(int[] colOf, long[] rowCost, long[] v, int skip) {
        int[] mentorOfMentee() {
            int[] out = colOf.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] == skip) {
                    out[i] = Assignment.UNMATCHED;
                }
            }
            return out;
        }
    }

    private Solution augment(Graph g, long[] initialV, ProgressListener progress) {
        final int skip = m;
        final int sink = m + 1;
        final int[] start = g.start;
        final int[] arcCol = g.col;
        final int[] arcScore = g.score;
        final long a = alpha;
        final long b = beta;
        // Column potentials; a column with room needs v >= vSink, a column with mentees v <= vSink.
        long[] v = initialV == null ? new long[m + 1] : initialV.clone();
        long vSink = Long.MAX_VALUE;
        for (long x : v) {
            vSink = Math.min(vSink, x);
        }
        int[] colOf = new int[n];
        Arrays.fill(colOf, -1);
        long[] rowCost = new long[n];
        int[] load = new int[m + 1];
        int[] head = new int[m + 1];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] prev = new int[n];
        long[] dist = new long[m + 2];
        Arrays.fill(dist, Long.MAX_VALUE);
        int[] pred = new int[m + 2];
        int[] predArc = new int[m + 1];
        boolean[] isSettled = new boolean[m + 1];
        int[] settled = new int[m + 1];
        int[] touched = new int[m + 2];
        // Tie-break: the sink first, then columns with room (negative), then full ones, by index.
        int[] tie = new int[m + 2];
        for (int j = 0; j <= m; j++) {
            tie[j] = j < m && cap[j] == 0 ? j : j - (m + 1);
        }
        tie[sink] = Integer.MIN_VALUE;
        ColumnHeap heap = new ColumnHeap(m + 2, dist, tie);
        long settledTotal = 0;
        int step = Math.max(1, n / 100);

        for (int i = 0; i < n; i++) {
            if (i % step == 0) {
                token.throwIfCancelled();
                progress.onProgress((double) i / n);
            }
            // Fast path: the cheapest first arc ends at a column with room whose sink arc is tight.
            int best = skip;
            long bestD = -v[skip];
            int bestArc = -1;
            for (int e = start[i], end = start[i + 1]; e < end; e++) {
                int j = arcCol[e];
                long d = -(a * arcScore[e] + b) - v[j];
                if (d < bestD || (d == bestD && j < best)) {
                    best = j;
                    bestD = d;
                    bestArc = e;
                }
            }
            if ((best == skip || load[best] < cap[best]) && v[best] == vSink) {
                assign(i, best, bestArc, colOf, rowCost, load, head, next, prev, tie, g);
                continue;
            }

            int touchedCount = 0;
            int settledCount = 0;
            for (int e = start[i], end = start[i + 1]; e < end; e++) {
                int j = arcCol[e];
                long d = -(a * arcScore[e] + b) - v[j];
                if (d < dist[j]) {
                    if (dist[j] == Long.MAX_VALUE) {
                        touched[touchedCount++] = j;
                    }
                    dist[j] = d;
                    pred[j] = i;
                    predArc[j] = e;
                    heap.decreased(j);
                }
            }
            touched[touchedCount++] = skip;
            dist[skip] = -v[skip];
            pred[skip] = i;
            predArc[skip] = -1;
            heap.decreased(skip);
            touched[touchedCount++] = sink;

            while (true) {
                int j = heap.pop();
                if (j == sink) {
                    break;
                }
                long dj = dist[j];
                if (j == skip || load[j] < cap[j]) {
                    long viaJ = dj + (v[j] - vSink);
                    if (viaJ < dist[sink]) {
                        dist[sink] = viaJ;
                        pred[sink] = j;
                        heap.decreased(sink);
                    }
                    if (v[j] == vSink) {
                        // A column with room and a tight sink arc: the sink is next.
                        continue;
                    }
                }
                isSettled[j] = true;
                settled[settledCount++] = j;
                long vj = v[j];
                for (int r = head[j]; r >= 0; r = next[r]) {
                    // u_r = rowCost[r] - v[j]; reaching r costs dj, then arc (r, j2) costs
                    // c - u_r - v[j2]
                    long base = dj - (rowCost[r] - vj);
                    for (int e = start[r], end = start[r + 1]; e < end; e++) {
                        int j2 = arcCol[e];
                        if (isSettled[j2]) {
                            continue;
                        }
                        long d = base - (a * arcScore[e] + b) - v[j2];
                        if (d < dist[j2]) {
                            if (dist[j2] == Long.MAX_VALUE) {
                                touched[touchedCount++] = j2;
                            }
                            dist[j2] = d;
                            pred[j2] = r;
                            predArc[j2] = e;
                            heap.decreased(j2);
                        }
                    }
                    long d = base - v[skip];
                    if (d < dist[skip]) {
                        dist[skip] = d;
                        pred[skip] = r;
                        predArc[skip] = -1;
                        heap.decreased(skip);
                    }
                }
            }

            long dEnd = dist[sink];
            for (int s = 0; s < settledCount; s++) {
                int j = settled[s];
                v[j] += dist[j] - dEnd;
                isSettled[j] = false;
            }
            // A column ending the path with a loose sink arc was settled above, so its potential
            // is now vSink, as for any column with mentees and room.
            int endCol = pred[sink];
            // Augment: walk back from the end column, moving each mentee one column forward.
            int c = endCol;
            while (true) {
                int r = pred[c];
                int e = predArc[c];
                int old = colOf[r];
                if (old >= 0 && old != skip) {
                    unlink(r, old, head, next, prev);
                }
                colOf[r] = c;
                if (c == skip) {
                    rowCost[r] = 0;
                } else {
                    rowCost[r] = -(a * arcScore[e] + b);
                    link(r, c, head, next, prev);
                }
                if (r == i) {
                    break;
                }
                c = old;
            }
            if (endCol != skip && ++load[endCol] == cap[endCol]) {
                tie[endCol] = endCol;
            }
            settledTotal += settledCount;
            heap.clear();
            for (int t = 0; t < touchedCount; t++) {
                dist[touched[t]] = Long.MAX_VALUE;
            }
        }
        progress.onProgress(1.0);
        if (DEBUG) System.err.printf("settled %d%n", settledTotal);
        return new Solution(colOf, rowCost, v, skip);
    }

    private void assign(
            int i,
            int col,
            int arc,
            int[] colOf,
            long[] rowCost,
            int[] load,
            int[] head,
            int[] next,
            int[] prev,
            int[] tie,
            Graph g) {
        colOf[i] = col;
        if (col == m) {
            rowCost[i] = 0;
            return;
        }
        rowCost[i] = -(alpha * g.score[arc] + beta);
        link(i, col, head, next, prev);
        if (++load[col] == cap[col]) {
            tie[col] = col;
        }
    }

    private static void link(int r, int c, int[] head, int[] next, int[] prev) {
        int h = head[c];
        next[r] = h;
        prev[r] = -1;
        if (h >= 0) {
            prev[h] = r;
        }
        head[c] = r;
    }

    private static void unlink(int r, int c, int[] head, int[] next, int[] prev) {
        int p = prev[r];
        int nx = next[r];
        if (p >= 0) {
            next[p] = nx;
        } else {
            head[c] = nx;
        }
        if (nx >= 0) {
            prev[nx] = p;
        }
    }

    /**
     * Pairs outside the candidate graph whose reduced cost is negative, per mentee as (column,
     * score) pairs, at most the {@code limit} most violated per mentee; {@code null} when there is
     * none, i.e. the solution is optimal for the whole matrix.
     */
    private int[][] violations(Solution s, int limit) {
        int[][] extra = new int[n][];
        boolean[] any = new boolean[1];
        long[] v = s.v;
        int k = Math.min(limit, Math.max(1, m));
        Parallel.forEachBlock(
                n,
                BLOCK,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    long[] amount = new long[k];
                    int[] col = new int[k];
                    for (int i = from; i < to; i++) {
                        int c = s.colOf[i];
                        long u = s.rowCost[i] - v[c];
                        // violated when cost - u - v[j] < 0, i.e. alpha*s + beta + u + v[j] > 0
                        long t = beta + u;
                        int found = 0;
                        int off = i * m;
                        for (int j = 0; j < m; j++) {
                            int sc = scores[off + j];
                            if (sc < floor) {
                                continue;
                            }
                            long x = alpha * sc + v[j] + t;
                            if (x > 0 && cap[j] > 0) {
                                // keep the k most violated in a min-heap (ties: lower column kept)
                                if (found < k) {
                                    int p = found++;
                                    while (p > 0) {
                                        int q = (p - 1) >>> 1;
                                        if (amount[q] < x || (amount[q] == x && col[q] > j)) {
                                            break;
                                        }
                                        amount[p] = amount[q];
                                        col[p] = col[q];
                                        p = q;
                                    }
                                    amount[p] = x;
                                    col[p] = j;
                                } else if (x > amount[0]) {
                                    int p = 0;
                                    while (true) {
                                        int l = 2 * p + 1;
                                        if (l >= k) {
                                            break;
                                        }
                                        int r = l + 1;
                                        int q =
                                                r < k
                                                                && (amount[r] < amount[l]
                                                                        || (amount[r] == amount[l]
                                                                                && col[r] > col[l]))
                                                        ? r
                                                        : l;
                                        if (amount[q] > x || (amount[q] == x && col[q] < j)) {
                                            break;
                                        }
                                        amount[p] = amount[q];
                                        col[p] = col[q];
                                        p = q;
                                    }
                                    amount[p] = x;
                                    col[p] = j;
                                }
                            }
                        }
                        if (found > 0) {
                            any[0] = true;
                            int[] pairs = new int[2 * found];
                            int[] sorted = Arrays.copyOf(col, found);
                            Arrays.sort(sorted);
                            for (int e = 0; e < found; e++) {
                                pairs[2 * e] = sorted[e];
                                pairs[2 * e + 1] = scores[off + sorted[e]];
                            }
                            extra[i] = pairs;
                        }
                    }
                });
        return any[0] ? extra : null;
    }
}
