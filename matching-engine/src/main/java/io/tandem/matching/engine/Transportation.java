package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * The assignment problem collapsed into a transportation problem: mentees with identical score rows
 * become one source with a supply, mentors with identical columns one sink with their summed
 * capacity. When scores come from a few categorical features (thousands of ties), 10,000 × 3,000
 * becomes a few hundred × a few hundred, and the optimum of the small problem, spread back over the
 * people of each type, is an optimum of the large one (any assignment of the large problem maps to
 * a flow of the same weight, and back).
 *
 * <p>Solved by the primal–dual method: Dijkstra on reduced costs from all sources with supply left
 * raises the potentials, then a maximum flow (Dinic) on the arcs of reduced cost zero pushes every
 * unit that can go at that price. Every type may leave its supply unassigned at cost zero. All
 * arithmetic on longs, exact; every loop runs in index order, so the result is deterministic.
 */
final class Transportation {

    /** By default, collapse only when there are at least this many rows per row type. */
    static final int MIN_ROWS_PER_TYPE = 4;

    /** Types above which the dense small problem stops being small. */
    private static final long MAX_TYPE_PAIRS = 2_000_000;

    private final int n;
    private final int m;
    private final int rowTypes;
    private final int colTypes;
    private final int[] typeOfRow;
    private final int[] typeOfCol;
    private final int[] supply;
    private final long[] capacity;
    private final int[] scores; // rowTypes x colTypes, negative = forbidden
    private final int[] cap;
    private final CancellationToken token;

    private Transportation(
            int n,
            int m,
            int[] typeOfRow,
            int rowTypes,
            int[] typeOfCol,
            int colTypes,
            int[] scores,
            int[] cap,
            CancellationToken token) {
        this.n = n;
        this.m = m;
        this.typeOfRow = typeOfRow;
        this.rowTypes = rowTypes;
        this.typeOfCol = typeOfCol;
        this.colTypes = colTypes;
        this.scores = scores;
        this.cap = cap;
        this.token = token;
        supply = new int[rowTypes];
        for (int t : typeOfRow) {
            supply[t]++;
        }
        capacity = new long[colTypes];
        for (int j = 0; j < m; j++) {
            capacity[typeOfCol[j]] += cap[j];
        }
    }

    /**
     * The collapsed problem, or {@code null} when rows are too distinct for it to pay off; then
     * only a fraction of the matrix has been read.
     */
    static Transportation collapse(
            ScoreMatrix matrix, int[] cap, int minRowsPerType, CancellationToken token) {
        int n = matrix.rows();
        int m = matrix.cols();
        if (n == 0 || m == 0 || n < minRowsPerType) {
            return null;
        }
        int[] a = matrix.array();
        int limit = n / minRowsPerType;
        int[] typeOfRow = new int[n];
        int[] firstRow = new int[limit + 1];
        int rowTypes =
                group(
                        n,
                        limit,
                        typeOfRow,
                        firstRow,
                        (x, y) -> sameRow(a, m, x, y),
                        x -> rowHash(a, m, x),
                        token);
        if (rowTypes < 0) {
            return null;
        }
        return withColumnTypes(n, m, a, typeOfRow, firstRow, rowTypes, cap, token);
    }

    /**
     * The same on sparse scores: rows compared on their listed pairs; then one dense row per row
     * type, on which the columns are compared, when those rows are few enough to hold.
     */
    static Transportation collapse(
            SparseScores sparse, int[] cap, int minRowsPerType, CancellationToken token) {
        int n = sparse.rows();
        int m = sparse.cols();
        if (n == 0 || m == 0 || n < minRowsPerType) {
            return null;
        }
        int[] start = sparse.start();
        int[] col = sparse.col();
        int[] score = sparse.score();
        int limit = n / minRowsPerType;
        int[] typeOfRow = new int[n];
        int[] firstRow = new int[limit + 1];
        int rowTypes =
                group(
                        n,
                        limit,
                        typeOfRow,
                        firstRow,
                        (x, y) ->
                                Arrays.equals(
                                                col,
                                                start[x],
                                                start[x + 1],
                                                col,
                                                start[y],
                                                start[y + 1])
                                        && Arrays.equals(
                                                score,
                                                start[x],
                                                start[x + 1],
                                                score,
                                                start[y],
                                                start[y + 1]),
                        x -> sparseRowHash(start, col, score, x),
                        token);
        if (rowTypes < 0 || (long) rowTypes * m > MAX_TYPE_PAIRS * 8) {
            return null;
        }
        int[] rows = new int[rowTypes * m];
        Arrays.fill(rows, ScoreMatrix.FORBIDDEN);
        int[] own = new int[rowTypes];
        for (int r = 0; r < rowTypes; r++) {
            own[r] = r;
            for (int e = start[firstRow[r]]; e < start[firstRow[r] + 1]; e++) {
                rows[r * m + col[e]] = score[e];
            }
        }
        return withColumnTypes(n, m, rows, typeOfRow, own, rowTypes, cap, token);
    }

    /**
     * Groups the columns, compared on row {@code firstRow[r]} of {@code a} for each row type {@code
     * r}; {@code null} when the small problem would not be small.
     */
    private static Transportation withColumnTypes(
            int n,
            int m,
            int[] a,
            int[] typeOfRow,
            int[] firstRow,
            int rowTypes,
            int[] cap,
            CancellationToken token) {
        // columns compared on one representative row per type
        int[] typeOfCol = new int[m];
        int[] firstCol = new int[m + 1];
        int colTypes =
                group(
                        m,
                        m,
                        typeOfCol,
                        firstCol,
                        (x, y) -> sameCol(a, m, firstRow, rowTypes, x, y),
                        x -> colHash(a, m, firstRow, rowTypes, x),
                        token);
        if ((long) rowTypes * colTypes > MAX_TYPE_PAIRS) {
            return null;
        }
        int[] scores = new int[rowTypes * colTypes];
        for (int r = 0; r < rowTypes; r++) {
            for (int c = 0; c < colTypes; c++) {
                scores[r * colTypes + c] = Math.max(-1, a[firstRow[r] * m + firstCol[c]]);
            }
        }
        return new Transportation(
                n, m, typeOfRow, rowTypes, typeOfCol, colTypes, scores, cap, token);
    }

    int rowTypes() {
        return rowTypes;
    }

    int colTypes() {
        return colTypes;
    }

    private interface Same {
        boolean test(int x, int y);
    }

    private interface Hash {
        int of(int x);
    }

    /**
     * Numbers items by identity class in order of first appearance; {@code -1} once more than
     * {@code limit} classes appear.
     */
    private static int group(
            int items,
            int limit,
            int[] typeOf,
            int[] first,
            Same same,
            Hash hash,
            CancellationToken token) {
        int size = Integer.highestOneBit(Math.max(4, Math.min(items, limit) * 2)) << 1;
        int[] table = new int[size]; // type + 1, 0 = empty
        int[] hashes = new int[Math.min(items, limit) + 1];
        int types = 0;
        for (int x = 0; x < items; x++) {
            if ((x & 1023) == 0) {
                token.throwIfCancelled();
            }
            int h = hash.of(x);
            int slot = mix(h) & (size - 1);
            int found = -1;
            while (table[slot] != 0) {
                int t = table[slot] - 1;
                if (hashes[t] == h && same.test(first[t], x)) {
                    found = t;
                    break;
                }
                slot = (slot + 1) & (size - 1);
            }
            if (found < 0) {
                if (types == limit) {
                    return -1;
                }
                found = types++;
                first[found] = x;
                hashes[found] = h;
                table[slot] = found + 1;
            }
            typeOf[x] = found;
        }
        return types;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int sparseRowHash(int[] start, int[] col, int[] score, int i) {
        int h = 1;
        for (int e = start[i]; e < start[i + 1]; e++) {
            h = 31 * (31 * h + col[e]) + score[e];
        }
        return h;
    }

    private static int rowHash(int[] a, int m, int i) {
        int h = 1;
        for (int k = i * m, end = k + m; k < end; k++) {
            h = 31 * h + Math.max(-1, a[k]);
        }
        return h;
    }

    private static boolean sameRow(int[] a, int m, int x, int y) {
        for (int k = 0; k < m; k++) {
            if (Math.max(-1, a[x * m + k]) != Math.max(-1, a[y * m + k])) {
                return false;
            }
        }
        return true;
    }

    private static int colHash(int[] a, int m, int[] firstRow, int rowTypes, int j) {
        int h = 1;
        for (int r = 0; r < rowTypes; r++) {
            h = 31 * h + Math.max(-1, a[firstRow[r] * m + j]);
        }
        return h;
    }

    private static boolean sameCol(int[] a, int m, int[] firstRow, int rowTypes, int x, int y) {
        for (int r = 0; r < rowTypes; r++) {
            int off = firstRow[r] * m;
            if (Math.max(-1, a[off + x]) != Math.max(-1, a[off + y])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The optimal assignment for pair weight {@code alpha * score + beta} on allowed pairs scoring
     * at least {@code floor} ({@code -1}: unmatched).
     */
    int[] solve(long alpha, long beta, int floor) {
        Flow flow = new Flow(alpha, beta, floor);
        flow.run();
        return spread(flow.f);
    }

    /** Gives each row type's flow to its rows and each column type's to its columns, in order. */
    private int[] spread(long[] f) {
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, Assignment.UNMATCHED);
        int[][] rowsOf = members(typeOfRow, rowTypes);
        int[][] colsOf = members(typeOfCol, colTypes);
        int[] nextRow = new int[rowTypes];
        int[] nextCol = new int[colTypes];
        int[] left = cap.clone();
        for (int r = 0; r < rowTypes; r++) {
            for (int c = 0; c < colTypes; c++) {
                long units = f[r * colTypes + c];
                for (; units > 0; units--) {
                    int[] cols = colsOf[c];
                    while (left[cols[nextCol[c]]] == 0) {
                        nextCol[c]++;
                    }
                    int j = cols[nextCol[c]];
                    left[j]--;
                    mentorOf[rowsOf[r][nextRow[r]++]] = j;
                }
            }
        }
        return mentorOf;
    }

    private static int[][] members(int[] typeOf, int types) {
        int[] count = new int[types];
        for (int t : typeOf) {
            count[t]++;
        }
        int[][] out = new int[types][];
        for (int t = 0; t < types; t++) {
            out[t] = new int[count[t]];
        }
        Arrays.fill(count, 0);
        for (int x = 0; x < typeOf.length; x++) {
            out[typeOf[x]][count[typeOf[x]]++] = x;
        }
        return out;
    }

    /**
     * Min-cost flow on source → row type → column type → sink, with a row type → sink arc for the
     * unassigned; cost = -weight. Nodes: rows {@code 0..R-1}, columns {@code R..R+C-1}, the sink
     * {@code R+C}; the source is implicit (row types with supply left are the sources).
     */
    private final class Flow {
        private static final long INF = Long.MAX_VALUE / 4;
        final int rows = rowTypes;
        final int cols = colTypes;
        final int sink = rowTypes + colTypes;
        final long[] w; // weight per type pair, or INF-marker when unusable
        final boolean[] usable;
        final long[] f;
        final long[] left; // supply left per row type
        final long[] load; // per column type
        final long[] pi;
        final long[] dist;
        final int[] level;
        final int[] it;
        final int[] queue;
        // row types with flow into each column type (its backward arcs), rebuilt per search
        final int[] heldStart;
        final int[] heldRows;

        Flow(long alpha, long beta, int floor) {
            int size = rows * cols;
            w = new long[size];
            usable = new boolean[size];
            f = new long[size];
            for (int k = 0; k < size; k++) {
                int s = scores[k];
                usable[k] = s >= 0 && s >= floor && capacity[k % cols] > 0;
                w[k] = usable[k] ? alpha * s + beta : 0;
            }
            left = new long[rows];
            for (int r = 0; r < rows; r++) {
                left[r] = supply[r];
            }
            load = new long[cols];
            pi = new long[sink + 1];
            dist = new long[sink + 1];
            level = new int[sink + 1];
            it = new int[sink + 1];
            queue = new int[sink + 1];
            heldStart = new int[cols + 1];
            heldRows = new int[size];
            // Feasible start: row types at 0, each column type at minus its best weight.
            long lowest = 0;
            for (int c = 0; c < cols; c++) {
                long best = 0;
                for (int r = 0; r < rows; r++) {
                    if (usable[r * cols + c]) {
                        best = Math.max(best, w[r * cols + c]);
                    }
                }
                pi[rows + c] = -best;
                lowest = Math.min(lowest, -best);
            }
            pi[sink] = lowest;
        }

        private void indexFlow() {
            Arrays.fill(heldStart, 0);
            for (int r = 0; r < rows; r++) {
                for (int c = 0, k = r * cols; c < cols; c++, k++) {
                    if (f[k] > 0) {
                        heldStart[c + 1]++;
                    }
                }
            }
            for (int c = 0; c < cols; c++) {
                heldStart[c + 1] += heldStart[c];
            }
            int[] fill = Arrays.copyOf(heldStart, cols);
            for (int r = 0; r < rows; r++) {
                for (int c = 0, k = r * cols; c < cols; c++, k++) {
                    if (f[k] > 0) {
                        heldRows[fill[c]++] = r;
                    }
                }
            }
        }

        /** Reduced cost of the residual arc x → y, or INF when there is none. */
        private long reduced(int x, int y) {
            if (x < rows) {
                if (y == sink) {
                    return pi[x] - pi[sink];
                }
                int k = x * cols + (y - rows);
                return usable[k] ? -w[k] + pi[x] - pi[y] : INF;
            }
            int c = x - rows;
            if (y == sink) {
                return load[c] < capacity[c] ? pi[x] - pi[sink] : INF;
            }
            int k = y * cols + c;
            return f[k] > 0 ? w[k] + pi[x] - pi[y] : INF;
        }

        void run() {
            long remaining = 0;
            for (long s : left) {
                remaining += s;
            }
            boolean[] done = new boolean[sink + 1];
            while (remaining > 0) {
                token.throwIfCancelled();
                // Dijkstra (dense: the graph is nearly complete) from every row type with supply.
                indexFlow();
                Arrays.fill(dist, INF);
                Arrays.fill(done, false);
                for (int r = 0; r < rows; r++) {
                    if (left[r] > 0) {
                        dist[r] = 0;
                    }
                }
                long dSink = INF;
                while (true) {
                    int x = -1;
                    long dx = INF;
                    for (int y = 0; y <= sink; y++) {
                        if (!done[y] && dist[y] < dx) {
                            dx = dist[y];
                            x = y;
                        }
                    }
                    if (x < 0) {
                        break;
                    }
                    done[x] = true;
                    if (x == sink) {
                        dSink = dx;
                        break;
                    }
                    if (x < rows) {
                        for (int y = rows; y <= sink; y++) {
                            if (!done[y]) {
                                long rc = reduced(x, y);
                                if (rc < INF && dx + rc < dist[y]) {
                                    dist[y] = dx + rc;
                                }
                            }
                        }
                    } else {
                        int c = x - rows;
                        for (int h = heldStart[c]; h < heldStart[c + 1]; h++) {
                            int y = heldRows[h];
                            if (!done[y]) {
                                long rc = reduced(x, y);
                                if (rc < INF && dx + rc < dist[y]) {
                                    dist[y] = dx + rc;
                                }
                            }
                        }
                        if (!done[sink]) {
                            long rc = reduced(x, sink);
                            if (rc < INF && dx + rc < dist[sink]) {
                                dist[sink] = dx + rc;
                            }
                        }
                    }
                }
                // Every row type can leave its supply unassigned, so the sink is always reached.
                for (int x = 0; x <= sink; x++) {
                    if (done[x]) {
                        pi[x] += dist[x] - dSink;
                    }
                }
                remaining -= maxFlowOnTightArcs();
            }
        }

        /** Dinic on the residual arcs of reduced cost zero; returns the units pushed. */
        private long maxFlowOnTightArcs() {
            long pushed = 0;
            while (true) {
                indexFlow();
                Arrays.fill(level, -1);
                int head = 0;
                int tail = 0;
                for (int r = 0; r < rows; r++) {
                    if (left[r] > 0) {
                        level[r] = 0;
                        queue[tail++] = r;
                    }
                }
                while (head < tail) {
                    int x = queue[head++];
                    if (x == sink) {
                        continue;
                    }
                    if (x < rows) {
                        for (int y = rows; y <= sink; y++) {
                            if (level[y] < 0 && reduced(x, y) == 0) {
                                level[y] = level[x] + 1;
                                queue[tail++] = y;
                            }
                        }
                    } else {
                        int c = x - rows;
                        for (int h = heldStart[c]; h <= heldStart[c + 1]; h++) {
                            int y = h == heldStart[c + 1] ? sink : heldRows[h];
                            if (level[y] < 0 && reduced(x, y) == 0) {
                                level[y] = level[x] + 1;
                                queue[tail++] = y;
                            }
                        }
                    }
                }
                if (level[sink] < 0) {
                    return pushed;
                }
                Arrays.fill(it, -1);
                for (int r = 0; r < rows; r++) {
                    while (left[r] > 0 && level[r] == 0) {
                        long got = push(r, left[r]);
                        if (got == 0) {
                            break;
                        }
                        left[r] -= got;
                        pushed += got;
                    }
                }
            }
        }

        /** Pushes up to {@code limit} units from {@code x} to the sink along the level graph. */
        private long push(int x, long limit) {
            if (x == sink) {
                return limit;
            }
            // rows walk the columns and the sink; columns their held rows, then the sink
            int first = x < rows ? rows : heldStart[x - rows];
            int last = x < rows ? sink : heldStart[x - rows + 1];
            if (it[x] < first) {
                it[x] = first;
            }
            for (; it[x] <= last; it[x]++) {
                int y = x < rows || it[x] == last ? (x < rows ? it[x] : sink) : heldRows[it[x]];
                if (level[y] != level[x] + 1 || reduced(x, y) != 0) {
                    continue;
                }
                long room = residual(x, y);
                if (room <= 0) {
                    continue;
                }
                long got = push(y, Math.min(limit, room));
                if (got > 0) {
                    apply(x, y, got);
                    return got;
                }
            }
            return 0;
        }

        private long residual(int x, int y) {
            if (x < rows) {
                return INF; // to a column type or to the sink (left unassigned)
            }
            int c = x - rows;
            return y == sink ? capacity[c] - load[c] : f[y * cols + c];
        }

        private void apply(int x, int y, long units) {
            if (x < rows) {
                if (y != sink) {
                    f[x * cols + (y - rows)] += units;
                }
                return;
            }
            int c = x - rows;
            if (y == sink) {
                load[c] += units;
            } else {
                f[y * cols + c] -= units;
            }
        }
    }
}
