package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Each mentor's best mentees, gathered while {@link PricingSolver}'s streaming pass scores the rows
 * (score descending, then the lower mentee): {@code min(capacity + extra, mentees)} per mentor.
 * They give {@link ThresholdBound}'s places (a mentor can fill {@code min(c, eligible)} places at a
 * threshold exactly when that many of its {@code c} best scores reach it) and pairs that the
 * mentees' own best lists may all leave out: the mentees a mentor needs to fill its places at a
 * high threshold.
 *
 * <p>Each worker keeps a min-heap per mentor of its own rows; a worker scores its rows in
 * increasing order, so a later row tying the heap's lowest score ranks below it and is skipped by
 * one comparison. The workers' heaps are merged at the end, the same for any number of workers.
 */
final class MentorTops {

    /** More than this many kept (and at least 4 per mentee): no tops (capacities too large). */
    private static final long KEPT_LIMIT = 1L << 22;

    private final int m;
    private final int[] base;
    private final long[][][] heaps;
    private final int[][] sizes;
    private final int[][] floors;
    private long[][] lists;

    private MentorTops(int m, int[] base, int workers, int minimum) {
        this.m = m;
        this.base = base;
        this.heaps = new long[workers][m][];
        this.sizes = new int[workers][];
        this.floors = new int[workers][];
        for (int w = 0; w < workers; w++) {
            for (int j = 0; j < m; j++) {
                heaps[w][j] = new long[base[j + 1] - base[j]];
            }
            sizes[w] = new int[m];
            floors[w] = new int[m];
            for (int j = 0; j < m; j++) {
                // an empty list takes any allowed pair; a mentor without places none
                floors[w][j] = base[j + 1] > base[j] ? minimum - 1 : Integer.MAX_VALUE;
            }
        }
    }

    /**
     * Room for {@code min(cap[j] + extra, mentees)} per mentor, or {@code null} when capacities are
     * so large that their places alone would hold too much.
     */
    static MentorTops of(int n, int[] cap, int extra, int workers, int minimum) {
        int m = cap.length;
        long places = 0;
        int[] base = new int[m + 1];
        for (int j = 0; j < m; j++) {
            places += Math.min(cap[j], n);
            int c = cap[j] <= 0 ? 0 : (int) Math.min(n, (long) cap[j] + extra);
            base[j + 1] = base[j] + c;
        }
        if (places > Math.max(KEPT_LIMIT, 4L * n) || base[m] > 2 * Math.max(KEPT_LIMIT, 4L * n)) {
            return null;
        }
        return new MentorTops(m, base, workers, minimum);
    }

    private static long key(int score, int row) {
        return ((long) score << 32) | (Integer.MAX_VALUE - row);
    }

    private static int rowOf(long key) {
        return Integer.MAX_VALUE - (int) (key & 0xFFFFFFFFL);
    }

    private static int scoreOf(long key) {
        return (int) (key >>> 32);
    }

    /** Offers worker {@code w}'s row {@code i} (scores per mentor, negative: forbidden). */
    void offer(int w, int i, int[] row) {
        int[] floor = floors[w];
        for (int j = 0; j < m; j++) {
            if (row[j] > floor[j]) {
                push(w, j, key(row[j], i));
            }
        }
    }

    private void push(int w, int j, long key) {
        long[] heap = heaps[w][j];
        int[] size = sizes[w];
        if (size[j] < heap.length) {
            TopScores.siftUp(heap, size[j]++, key);
        } else {
            TopScores.siftDown(heap, heap.length, key);
        }
        if (size[j] == heap.length) {
            floors[w][j] = scoreOf(heap[0]);
        }
    }

    /** The merged lists: per mentor, its best keys, best first (once the pass is over). */
    private long[][] merged() {
        if (lists != null) {
            return lists;
        }
        long[][] out = new long[m][];
        for (int j = 0; j < m; j++) {
            int c = base[j + 1] - base[j];
            long[] all = new long[c * heaps.length];
            int at = 0;
            for (int w = 0; w < heaps.length; w++) {
                System.arraycopy(heaps[w][j], 0, all, at, sizes[w][j]);
                at += sizes[w][j];
            }
            Arrays.sort(all, 0, at);
            int kept = Math.min(c, at);
            long[] best = new long[kept];
            for (int x = 0; x < kept; x++) {
                best[x] = all[at - 1 - x];
            }
            out[j] = best;
        }
        lists = out;
        return out;
    }

    /**
     * The bound on the pairs a threshold admits: the places each mentor can fill from its best
     * {@code capacity} scores, and the mentees with a pair at or above it ({@code rowBest}).
     */
    ThresholdBound bound(int[] cap, int[] rowBest) {
        long[][] lists = merged();
        int total = 0;
        for (int j = 0; j < m; j++) {
            total += Math.min(cap[j], lists[j].length);
        }
        int[] places = new int[total];
        int at = 0;
        for (int j = 0; j < m; j++) {
            for (int x = 0; x < Math.min(cap[j], lists[j].length); x++) {
                places[at++] = scoreOf(lists[j][x]);
            }
        }
        return ThresholdBound.kept(rowBest, places);
    }

    /**
     * The kept pairs by mentee, as {@code (col, score)} pairs with columns increasing ({@code
     * null}: none), leaving out those {@code held} already lists.
     */
    int[][] pairsByRow(SparseScores held) {
        long[][] lists = merged();
        int n = held.rows();
        int[] count = new int[n];
        for (long[] list : lists) {
            for (long key : list) {
                count[rowOf(key)]++;
            }
        }
        int[][] out = new int[n][];
        int[] fill = new int[n];
        for (int j = 0; j < m; j++) { // mentors in order: each row's columns come out increasing
            for (long key : lists[j]) {
                int i = rowOf(key);
                if (held.score(i, j) >= 0) {
                    continue;
                }
                if (out[i] == null) {
                    out[i] = new int[2 * count[i]];
                }
                out[i][fill[i]++] = j;
                out[i][fill[i]++] = scoreOf(key);
            }
        }
        for (int i = 0; i < n; i++) {
            if (out[i] != null && fill[i] < out[i].length) {
                out[i] = fill[i] == 0 ? null : Arrays.copyOf(out[i], fill[i]);
            }
        }
        return out;
    }
}
