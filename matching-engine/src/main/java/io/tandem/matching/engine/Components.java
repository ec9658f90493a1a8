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

    /** A part's rows and mentors (increasing), and its scores renumbered to them. */
    record Part(int[] rows, int[] cols, Rows scores) {}

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
        int seen = 0;
        int sets = 0;
        for (int i = 0; i < n && (seen < m || sets > 1); i++) {
            if ((i & 1023) == 0) {
                token.throwIfCancelled();
            }
            int first = -1;
            for (int e = rows.from(i), end = rows.to(i); e < end; e++) {
                if (a[e] < 0) {
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
        int[] partOfRow = new int[n];
        int[] rowCount = new int[parts];
        int[] pairCount = new int[parts];
        for (int i = 0; i < n; i++) {
            partOfRow[i] = -1;
            for (int e = rows.from(i), end = rows.to(i); e < end; e++) {
                if (a[e] >= 0) {
                    int p = partOfCol[rows.col(i, e)];
                    partOfRow[i] = p;
                    pairCount[p]++;
                }
            }
            if (partOfRow[i] >= 0) {
                rowCount[partOfRow[i]]++;
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
        int[][] starts = new int[parts][];
        int[][] cols = new int[parts][];
        int[][] scores = new int[parts][];
        for (int p = 0; p < parts; p++) {
            starts[p] = new int[partRows[p].length + 1];
            cols[p] = new int[pairCount[p]];
            scores[p] = new int[pairCount[p]];
        }
        for (int i = 0; i < n; i++) {
            int p = partOfRow[i];
            if (p < 0) {
                continue;
            }
            int r = rowCount[p]++;
            partRows[p][r] = i;
            int k = starts[p][r];
            for (int e = rows.from(i), end = rows.to(i); e < end; e++) {
                if (a[e] >= 0) {
                    cols[p][k] = local[rows.col(i, e)];
                    scores[p][k++] = a[e];
                }
            }
            starts[p][r + 1] = k;
        }
        Part[] out = new Part[parts];
        for (int p = 0; p < parts; p++) {
            out[p] =
                    new Part(
                            partRows[p],
                            partCols[p],
                            Rows.sparse(
                                    partRows[p].length,
                                    partCols[p].length,
                                    starts[p],
                                    cols[p],
                                    scores[p]));
        }
        // largest first, so the last part a thread takes is a small one
        Arrays.sort(
                out,
                (x, y) ->
                        x.scores().start.length != y.scores().start.length
                                ? Integer.compare(y.scores().start.length, x.scores().start.length)
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
