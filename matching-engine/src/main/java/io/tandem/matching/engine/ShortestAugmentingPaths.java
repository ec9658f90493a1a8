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
        Graph graph = candidateGraph(ProgressListener.slice(progress, 0, 0.15));
        rounds = 0;
        while (true) {
            rounds++;
            double from = Math.min(0.85, 0.15 + 0.7 * (rounds - 1) / rounds);
            Solution solution = augment(graph, ProgressListener.slice(progress, from, 0.85));
            int[][] extra = violations(solution);
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

    private Solution augment(Graph g, ProgressListener progress) {
        final int skip = m;
        final int[] start = g.start;
        final int[] arcCol = g.col;
        final int[] arcScore = g.score;
        final long a = alpha;
        final long b = beta;
        long[] v = new long[m + 1];
        int[] colOf = new int[n];
        Arrays.fill(colOf, -1);
        long[] rowCost = new long[n];
        int[] load = new int[m + 1];
        int[] head = new int[m + 1];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] prev = new int[n];
        long[] dist = new long[m + 1];
        Arrays.fill(dist, Long.MAX_VALUE);
        int[] pred = new int[m + 1];
        int[] predArc = new int[m + 1];
        boolean[] isSettled = new boolean[m + 1];
        int[] settled = new int[m + 1];
        int[] touched = new int[m + 1];
        ColumnHeap heap = new ColumnHeap(m + 1, dist);
        int step = Math.max(1, n / 100);

        for (int i = 0; i < n; i++) {
            if (i % step == 0) {
                token.throwIfCancelled();
                progress.onProgress((double) i / n);
            }
            // Fast path: the cheapest first arc ends at a mentor with room (or at "unmatched").
            int best = skip;
            long bestD = 0;
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
            if (best == skip || load[best] < cap[best]) {
                colOf[i] = best;
                if (best != skip) {
                    rowCost[i] = -(a * arcScore[bestArc] + b);
                    load[best]++;
                    link(i, best, head, next, prev);
                }
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
            dist[skip] = 0;
            pred[skip] = i;
            predArc[skip] = -1;
            heap.decreased(skip);

            int endCol;
            while (true) {
                int j = heap.pop();
                if (j == skip || load[j] < cap[j]) {
                    endCol = j;
                    break;
                }
                isSettled[j] = true;
                settled[settledCount++] = j;
                long dj = dist[j];
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
                    if (base < dist[skip]) {
                        dist[skip] = base;
                        pred[skip] = r;
                        predArc[skip] = -1;
                        heap.decreased(skip);
                    }
                }
            }

            long dEnd = dist[endCol];
            for (int s = 0; s < settledCount; s++) {
                int j = settled[s];
                v[j] += dist[j] - dEnd;
                isSettled[j] = false;
            }
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
            if (endCol != skip) {
                load[endCol]++;
            }
            heap.clear();
            for (int t = 0; t < touchedCount; t++) {
                dist[touched[t]] = Long.MAX_VALUE;
            }
        }
        progress.onProgress(1.0);
        return new Solution(colOf, rowCost, v, skip);
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
     * score) pairs; {@code null} when there is none, i.e. the solution is optimal.
     */
    private int[][] violations(Solution s) {
        int[][] extra = new int[n][];
        boolean[] any = new boolean[1];
        long[] v = s.v;
        Parallel.forEachBlock(
                n,
                BLOCK,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    int[] buffer = new int[16];
                    for (int i = from; i < to; i++) {
                        int c = s.colOf[i];
                        long u = s.rowCost[i] - v[c];
                        // violated when cost - u - v[j] < 0, i.e. alpha*s + beta + u + v[j] > 0
                        long t = beta + u;
                        int found = 0;
                        int off = i * m;
                        for (int j = 0; j < m; j++) {
                            int sc = scores[off + j];
                            if (sc >= floor && alpha * sc + v[j] + t > 0 && cap[j] > 0) {
                                if (2 * found + 2 > buffer.length) {
                                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                                }
                                buffer[2 * found] = j;
                                buffer[2 * found + 1] = sc;
                                found++;
                            }
                        }
                        if (found > 0) {
                            extra[i] = Arrays.copyOf(buffer, 2 * found);
                            any[0] = true;
                        }
                    }
                });
        return any[0] ? extra : null;
    }
}
