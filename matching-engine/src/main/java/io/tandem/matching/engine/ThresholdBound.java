package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * An upper bound on the pairs that scoring at least {@code t} admits: the mentees with such a pair,
 * and the places mentors can fill with them ({@code Σ min(capacity, eligible mentees)}). When
 * capacity is what limits participation, a threshold that leaves a few mentors short of eligible
 * mentees is refused without a matching search that has to run to exhaustion to prove it.
 *
 * <p>One pass over the matrix answers every threshold: a mentor can fill {@code min(c, eligible)}
 * places exactly when that many of its {@code c} best scores reach {@code t}, so keeping each
 * mentor's {@code c} best scores (and each mentee's best) is enough. With very large capacities
 * that would hold too much, and each threshold scans the matrix instead.
 */
final class ThresholdBound {

    private static final long KEPT_LIMIT = 1L << 22;

    private final Rows matrix;
    private final int[] cap;
    private final int[] rowBest; // ascending
    private final int[] placeScores; // ascending; null: scan per threshold

    private ThresholdBound(Rows matrix, int[] cap, int[] rowBest, int[] placeScores) {
        this.matrix = matrix;
        this.cap = cap;
        this.rowBest = rowBest;
        this.placeScores = placeScores;
    }

    static ThresholdBound of(ScoreMatrix matrix, int[] cap, CancellationToken token) {
        return of(Rows.of(matrix), cap, token);
    }

    static ThresholdBound of(Rows matrix, int[] cap, CancellationToken token) {
        int n = matrix.n;
        int m = matrix.m;
        int[] a = matrix.score;
        long kept = 0;
        for (int c : cap) {
            kept += Math.min(c, n);
        }
        if (kept > Math.max(KEPT_LIMIT, 4L * n)) {
            return new ThresholdBound(matrix, cap, null, null);
        }
        // Each mentor's min-heap of its best min(cap, n) scores, in one array.
        int[] base = new int[m + 1];
        for (int j = 0; j < m; j++) {
            base[j + 1] = base[j] + Math.min(cap[j], n);
        }
        int[] heaps = new int[base[m]];
        int[] size = new int[m];
        int[] rowBest = new int[n];
        for (int i = 0; i < n; i++) {
            if ((i & 1023) == 0) {
                token.throwIfCancelled();
            }
            int best = -1;
            for (int k = matrix.from(i), end = matrix.to(i); k < end; k++) {
                int j = matrix.col(i, k);
                int s = a[k];
                if (s < 0) {
                    continue;
                }
                best = Math.max(best, s);
                int c = base[j + 1] - base[j];
                if (c == 0) {
                    continue;
                }
                int h = base[j];
                if (size[j] < c) {
                    int p = size[j]++;
                    while (p > 0) {
                        int q = (p - 1) >>> 1;
                        if (heaps[h + q] <= s) {
                            break;
                        }
                        heaps[h + p] = heaps[h + q];
                        p = q;
                    }
                    heaps[h + p] = s;
                } else if (s > heaps[h]) {
                    int p = 0;
                    while (true) {
                        int l = 2 * p + 1;
                        if (l >= c) {
                            break;
                        }
                        int r = l + 1;
                        int q = r < c && heaps[h + r] < heaps[h + l] ? r : l;
                        if (heaps[h + q] >= s) {
                            break;
                        }
                        heaps[h + p] = heaps[h + q];
                        p = q;
                    }
                    heaps[h + p] = s;
                }
            }
            rowBest[i] = best;
        }
        int total = 0;
        for (int j = 0; j < m; j++) {
            System.arraycopy(heaps, base[j], heaps, total, size[j]);
            total += size[j];
        }
        int[] places = Arrays.copyOf(heaps, total);
        Arrays.sort(places);
        Arrays.sort(rowBest);
        return new ThresholdBound(matrix, cap, rowBest, places);
    }

    /**
     * The bound from scores kept elsewhere: each mentee's best score and each mentor's best {@code
     * min(capacity, mentees)} scores, in any order ({@code null}: the mentees alone bound it).
     */
    static ThresholdBound kept(int[] rowBest, int[] placeScores) {
        int[] rows = rowBest.clone();
        Arrays.sort(rows);
        int[] places = null;
        if (placeScores != null) {
            places = placeScores.clone();
            Arrays.sort(places);
        }
        return new ThresholdBound(null, null, rows, places);
    }

    /** At most this many pairs score at least {@code t >= 0} in any feasible assignment. */
    long pairs(int t) {
        if (placeScores == null) {
            // kept elsewhere without the mentors' places: the mentees alone
            return matrix == null ? atLeast(rowBest, t) : scan(t);
        }
        return Math.min(atLeast(rowBest, t), atLeast(placeScores, t));
    }

    private static int atLeast(int[] ascending, int t) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ascending.length - lo;
    }

    // package-private: tests compare the kept scores against it
    long scan(int t) {
        int n = matrix.n;
        int m = matrix.m;
        int[] a = matrix.score;
        int[] eligible = new int[m];
        long rows = 0;
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int k = matrix.from(i), end = matrix.to(i); k < end; k++) {
                if (a[k] >= t) {
                    eligible[matrix.col(i, k)]++;
                    any = true;
                }
            }
            rows += any ? 1 : 0;
        }
        long places = 0;
        for (int j = 0; j < m; j++) {
            places += Math.min(cap[j], eligible[j]);
        }
        return Math.min(rows, places);
    }
}
