package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * The connected components of the allowed pairs, when there are several: a program that pairs
 * people only within a site and function (family (g)) falls apart into independent problems. Solved
 * whole, every shortest-path search that runs out of free places reaches the shared "unmatched"
 * column and the sink, and through them the full mentors of every other group; solved apart, each
 * search stays inside its group, and the groups share out over the threads. The optimum of the
 * whole is the union of the parts' optima, since no pair joins two parts.
 */
final class Components {

    /**
     * A part's rows and mentors (increasing). A part holding at least half of the mentors reads its
     * rows of the whole problem's arrays in place ({@code whole}), every mentor keeping its number
     * ({@code cols} then names them all, and {@code member} marks the part's own). Any other part
     * is copied, renumbered to its own mentors, only when a worker is about to solve it ({@link
     * #scores}), into that worker's {@link Scratch}: each part's {@code pairs} are read while they
     * are in cache, on the worker's thread, and no part keeps arrays of its own (session 13).
     */
    record Part(
            int[] rows,
            int[] cols,
            Rows whole,
            boolean[] member,
            Rows source,
            int[] local,
            int pairs) {

        /** The part's mentors' capacities, in its numbering (0 for a mentor of another part). */
        int[] capacities(int[] cap) {
            int[] out = new int[cols.length];
            for (int c = 0; c < out.length; c++) {
                out[c] = member == null || member[c] ? cap[cols[c]] : 0;
            }
            return out;
        }

        /**
         * The part's scores: in place, or copied into {@code scratch} (valid until its next use).
         */
        Rows scores(Scratch scratch) {
            return whole != null ? whole : scratch.load(this);
        }
    }

    /** One worker's arrays for the part it solves, grown to the largest part and reused. */
    static final class Scratch {
        private int[] start = new int[0];
        private int[] cols = new int[0];
        private int[] scores = new int[0];

        private Rows load(Part part) {
            int n = part.rows.length;
            if (start.length < n + 1) {
                start = new int[n + 1];
            }
            if (cols.length < part.pairs) {
                cols = new int[part.pairs];
                scores = new int[part.pairs];
            }
            Rows source = part.source;
            int[] a = source.score;
            int k = 0;
            int max = -1;
            for (int r = 0; r < n; r++) {
                int i = part.rows[r];
                start[r] = k;
                for (int e = source.from(i), end = source.to(i); e < end; e++) {
                    if (a[e] >= 0) {
                        cols[k] = part.local[source.col(i, e)];
                        scores[k++] = a[e];
                        max = Math.max(max, a[e]);
                    }
                }
            }
            start[n] = k;
            return Rows.sparse(n, part.cols.length, start, cols, scores, max);
        }
    }

    private Components() {}

    /**
     * The parts, largest first; {@code null} when the allowed pairs form one part (then nothing but
     * a scan of the rows has been spent).
     */
    static Part[] of(Rows rows, CancellationToken token) {
        int n = rows.n;
        int m = rows.m;
        int[] a = rows.score;
        boolean[] used = new boolean[m];
        int[] parent = new int[m];
        for (int j = 0; j < m; j++) {
            parent[j] = j;
        }
        // One pass: a mentor seen for the first time is a set of its own, each row joins the sets
        // of its mentors. Once every mentor has been seen and they form one set, no later row can
        // split it: stop there.
        // Sparse rows list allowed pairs only: their scores need not be read here (half the bytes).
        boolean sparse = rows.cols != null;
        int seen = 0;
        int sets = 0;
        for (int i = 0; i < n && (seen < m || sets > 1); i++) {
            if ((i & 1023) == 0) {
                token.throwIfCancelled();
            }
            int first = -1;
            for (int e = rows.from(i), end = rows.to(i); e < end; e++) {
                if (!sparse && a[e] < 0) {
                    continue;
                }
                int col = rows.col(i, e);
                if (!used[col]) {
                    used[col] = true;
                    seen++;
                    sets++;
                }
                if (parent[col] == first) {
                    continue; // already joined to this row's set: most pairs of a dense row
                }
                int j = find(parent, col);
                parent[col] = j; // straight to the root, so the check above catches it next time
                if (first < 0) {
                    first = j;
                } else if (j != first) {
                    parent[j] = first;
                    parent[col] = first;
                    sets--;
                }
            }
        }
        if (sets <= 1) {
            return null;
        }
        // number the parts by their root, in mentor order
        int[] partOfRoot = new int[m];
        Arrays.fill(partOfRoot, -1);
        int parts = 0;
        int[] partOfCol = new int[m];
        int[] colCount = new int[sets];
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                partOfCol[j] = -1;
                continue;
            }
            int r = find(parent, j);
            if (partOfRoot[r] < 0) {
                partOfRoot[r] = parts++;
            }
            partOfCol[j] = partOfRoot[r];
            colCount[partOfCol[j]]++;
        }
        // A row's pairs all lie in one part: sparse rows need only their first pair read.
        int[] partOfRow = new int[n];
        int[] rowCount = new int[parts];
        long[] pairCount = new long[parts];
        for (int i = 0; i < n; i++) {
            partOfRow[i] = -1;
            for (int e = rows.from(i), end = rows.to(i); e < end; e++) {
                if (a[e] >= 0) {
                    int p = partOfCol[rows.col(i, e)];
                    partOfRow[i] = p;
                    if (sparse) {
                        pairCount[p] += end - e;
                        break;
                    }
                    pairCount[p]++;
                }
            }
            if (partOfRow[i] >= 0) {
                rowCount[partOfRow[i]]++;
            }
        }
        // The part holding most mentors (the product's cohorts: all but a small language group)
        // is read in place, not copied; only the small parts are copied, when solved.
        int whole = -1;
        for (int p = 0; p < parts && sparse; p++) {
            if (2L * colCount[p] >= m && (whole < 0 || colCount[p] > colCount[whole])) {
                whole = p;
            }
        }
        int[][] partRows = new int[parts][];
        int[][] partCols = new int[parts][];
        for (int p = 0; p < parts; p++) {
            partRows[p] = new int[rowCount[p]];
            partCols[p] = new int[colCount[p]];
            rowCount[p] = 0;
            colCount[p] = 0;
        }
        int[] local = new int[m];
        for (int j = 0; j < m; j++) {
            int p = partOfCol[j];
            if (p >= 0) {
                local[j] = colCount[p];
                partCols[p][colCount[p]++] = j;
            }
        }
        for (int i = 0; i < n; i++) {
            int p = partOfRow[i];
            if (p >= 0) {
                partRows[p][rowCount[p]++] = i;
            }
        }
        Part[] out = new Part[parts];
        for (int p = 0; p < parts; p++) {
            if (p == whole) {
                int[] all = new int[m];
                boolean[] member = new boolean[m];
                for (int j = 0; j < m; j++) {
                    all[j] = j;
                    member[j] = partOfCol[j] == p;
                }
                out[p] =
                        new Part(partRows[p], all, rows.select(partRows[p]), member, null, null, 0);
                continue;
            }
            out[p] =
                    new Part(
                            partRows[p],
                            partCols[p],
                            null,
                            null,
                            rows,
                            local,
                            Math.toIntExact(pairCount[p]));
        }
        // largest first, so the last part a thread takes is a small one
        Arrays.sort(
                out,
                (x, y) ->
                        x.rows().length != y.rows().length
                                ? Integer.compare(y.rows().length, x.rows().length)
                                : Integer.compare(x.rows()[0], y.rows()[0]));
        return out;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
