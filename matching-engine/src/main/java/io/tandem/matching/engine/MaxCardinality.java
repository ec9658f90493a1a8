package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Maximum-cardinality capacitated matching among pairs scoring at least a floor, by Hopcroft–Karp
 * phases (BFS layers over mentees, then vertex-disjoint augmenting paths found by an iterative
 * DFS). A mentor with spare capacity ends a path; a full one leads to each of its mentees.
 */
final class MaxCardinality {

    private static final int INF = Integer.MAX_VALUE;

    private final Rows rows;
    private final int[] scores;
    private final int n;
    private final int m;
    private final int[] cap;
    private final CancellationToken token;

    MaxCardinality(ScoreMatrix matrix, int[] capacities, CancellationToken token) {
        this(Rows.of(matrix), capacities, token);
    }

    MaxCardinality(Rows rows, int[] capacities, CancellationToken token) {
        this.rows = rows;
        this.scores = rows.score;
        this.n = rows.n;
        this.m = rows.m;
        this.cap = capacities;
        this.token = token;
    }

    /**
     * Grows {@code colOf}, a feasible matching on pairs scoring at least {@code floor} ({@code -1}
     * = unmatched), into a maximum one, stopping early once it has {@code target} pairs.
     *
     * @return the number of matched mentees
     */
    int maximize(int floor, int[] colOf, int target) {
        return maximize(floor, colOf, target, null);
    }

    /**
     * The same, searching first only from the free mentees marked {@code first} (those a higher
     * threshold just took a pair from), then, once no augmenting path starts there, from every free
     * mentee. In a threshold probe most free mentees can never be matched, and a search from each
     * of them runs to a dead end over the whole matrix; the mentees that lost a pair are the ones
     * to re-match.
     */
    int maximize(int floor, int[] colOf, int target, boolean[] first) {
        return maximize(floor, colOf, target, first, null);
    }

    /**
     * The same, first refilling each place the threshold just freed ({@code former[i]}, the mentor
     * of each mentee marked {@code first}) with the first free mentees that have a pair there at or
     * above the floor, down that mentor's column. When the mentees that lost a pair have nowhere
     * else to go but other free mentees can take their places (family (d): capacity 1, 7,000
     * mentees free), every phase would otherwise read the rows of every free mentee. Only on a
     * dense matrix: sparse rows find a pair of a column by a search in each row, and on the
     * product's own instance the walks cost FAIR 1.18x (session 14).
     */
    int maximize(int floor, int[] colOf, int target, boolean[] first, int[] former) {
        return maximize(floor, colOf, target, first, former, null, null);
    }

    /**
     * The same (searching first from the mentees marked {@code first}, if any); when it ends short
     * of {@code target}, marks what the last search reached by alternating paths from the free
     * mentees: {@code reachedRows} (every free mentee among them) and {@code reachedCols} (all
     * full). Then the mentees not reached and the mentors reached cover every pair at or above the
     * floor, and their places add up to the matching's size (König): a pair from a reached mentee
     * to a mentor not reached is the only kind that could make the matching larger.
     */
    int maximizeMarking(
            int floor,
            int[] colOf,
            int target,
            boolean[] first,
            boolean[] reachedRows,
            boolean[] reachedCols) {
        return maximize(floor, colOf, target, first, null, reachedRows, reachedCols);
    }

    private int maximize(
            int floor,
            int[] colOf,
            int target,
            boolean[] first,
            int[] former,
            boolean[] reachedRows,
            boolean[] reachedCols) {
        boolean narrow = first != null;
        int[] load = new int[m];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (colOf[i] >= 0) {
                load[colOf[i]]++;
                size++;
            }
        }
        boolean refill = narrow && former != null && rows.cols == null;
        for (int d = 0; refill && d < n && size < target; d++) {
            int j = first[d] ? former[d] : -1;
            for (int i = 0; j >= 0 && i < n && load[j] < cap[j] && size < target; i++) {
                if (colOf[i] < 0 && rows.score(i, j) >= floor) {
                    colOf[i] = j;
                    load[j]++;
                    size++;
                }
            }
        }
        int[] layer = new int[n];
        int[] queue = new int[n];
        boolean[] colSeen = new boolean[m];
        int[] colStart = new int[m + 1];
        int[] colRows = new int[n];
        int[] it = new int[n];
        int[] cp = new int[n];
        boolean[] dead = new boolean[n];
        int[] stack = new int[n];
        while (size < target) {
            token.throwIfCancelled();
            // Snapshot of each mentor's mentees; stays valid for live rows during the phase.
            Arrays.fill(colStart, 0);
            for (int i = 0; i < n; i++) {
                if (colOf[i] >= 0) {
                    colStart[colOf[i] + 1]++;
                }
            }
            for (int j = 0; j < m; j++) {
                colStart[j + 1] += colStart[j];
            }
            int[] fill = Arrays.copyOf(colStart, m);
            for (int i = 0; i < n; i++) {
                if (colOf[i] >= 0) {
                    colRows[fill[colOf[i]]++] = i;
                }
            }
            // BFS from every free mentee.
            Arrays.fill(layer, INF);
            Arrays.fill(colSeen, false);
            int qh = 0;
            int qt = 0;
            for (int i = 0; i < n; i++) {
                if (colOf[i] < 0 && (!narrow || first[i])) {
                    layer[i] = 0;
                    queue[qt++] = i;
                }
            }
            int found = INF;
            while (qh < qt) {
                int r = queue[qh++];
                if (layer[r] >= found) {
                    break;
                }
                int own = colOf[r];
                for (int e = rows.from(r), end = rows.to(r); e < end; e++) {
                    int j = rows.col(r, e);
                    if (scores[e] < floor || j == own) {
                        continue;
                    }
                    if (load[j] < cap[j]) {
                        found = Math.min(found, layer[r]);
                    } else if (!colSeen[j]) {
                        colSeen[j] = true;
                        for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                            int r2 = colRows[p];
                            if (layer[r2] == INF) {
                                layer[r2] = layer[r] + 1;
                                queue[qt++] = r2;
                            }
                        }
                    }
                }
            }
            if (found == INF) {
                if (narrow) {
                    narrow = false;
                    continue;
                }
                if (reachedRows != null) {
                    for (int i = 0; i < n; i++) {
                        reachedRows[i] = layer[i] != INF;
                    }
                    System.arraycopy(colSeen, 0, reachedCols, 0, m);
                }
                return size;
            }
            // Vertex-disjoint augmenting paths along the layers.
            Arrays.fill(it, 0);
            Arrays.fill(cp, 0);
            Arrays.fill(dead, false);
            for (int s = 0; s < n && size < target; s++) {
                if (colOf[s] >= 0 || dead[s] || layer[s] != 0) {
                    continue;
                }
                if ((s & 1023) == 0) {
                    token.throwIfCancelled();
                }
                int sp = 0;
                stack[sp++] = s;
                search:
                while (sp > 0) {
                    int r = stack[sp - 1];
                    int off = rows.from(r);
                    int len = rows.to(r) - off;
                    int own = colOf[r];
                    int nextLayer = layer[r] + 1;
                    while (it[r] < len) {
                        int e = off + it[r];
                        int j = rows.col(r, e);
                        if (scores[e] >= floor && j != own) {
                            if (load[j] < cap[j]) {
                                // Augment: stack[t] moves to its entry it[stack[t]], the last
                                // to j.
                                for (int t = sp - 1; t >= 0; t--) {
                                    int row = stack[t];
                                    colOf[row] = rows.col(row, rows.from(row) + it[row]);
                                    dead[row] = true;
                                }
                                load[j]++;
                                size++;
                                break search;
                            }
                            if (nextLayer <= found) {
                                while (cp[r] < colStart[j + 1] - colStart[j]) {
                                    int r2 = colRows[colStart[j] + cp[r]];
                                    cp[r]++;
                                    if (!dead[r2] && layer[r2] == nextLayer && colOf[r2] == j) {
                                        stack[sp++] = r2;
                                        continue search;
                                    }
                                }
                            }
                        }
                        it[r]++;
                        cp[r] = 0;
                    }
                    dead[r] = true;
                    sp--;
                }
            }
        }
        return size;
    }
}
