package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * The baseline: pairs in order of score descending (then mentee, then mentor index), each taken
 * when its mentee is free and its mentor has room. Equivalent to sorting every allowed pair, but
 * only walks each mentee's list as far as it needs to.
 */
public final class GreedyMatcher {

    private GreedyMatcher() {}

    public static Assignment solve(ScoreMatrix matrix, Capacities capacities) {
        return solve(matrix, capacities, CancellationToken.NONE, ProgressListener.NONE);
    }

    public static Assignment solve(
            ScoreMatrix matrix,
            Capacities capacities,
            CancellationToken token,
            ProgressListener progress) {
        int n = matrix.rows();
        int[] cap = capacities.toArray();
        if (cap.length != matrix.cols()) {
            throw new IllegalArgumentException(
                    cap.length + " capacities for " + matrix.cols() + " mentors");
        }
        // Mentors' remaining room; batches computed later leave out mentors already full.
        int[] room = cap.clone();
        int open = 0;
        for (int c : room) {
            open += c > 0 ? 1 : 0;
        }
        RankedOrder order =
                RankedOrder.rows(matrix, room).prefetch(Parallel.defaultThreads(), token);
        progress.onProgress(0.5);
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, Assignment.UNMATCHED);
        // Max-heap of mentees by their current best pair: score, then mentee index.
        int[] heap = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (order.head(i) >= 0) {
                heap[size++] = i;
            }
        }
        for (int c = size / 2 - 1; c >= 0; c--) {
            siftDown(heap, size, c, order);
        }
        long steps = 0;
        while (size > 0 && open > 0) {
            if ((++steps & 0xFFFF) == 0) {
                token.throwIfCancelled();
            }
            int i = heap[0];
            long key = order.head(i);
            int j = TopScores.colOf(key);
            boolean done = false;
            if (room[j] > 0) {
                mentorOf[i] = j;
                if (--room[j] == 0) {
                    open--;
                }
                done = true;
            } else {
                order.advance(i);
                done = order.head(i) < 0;
            }
            if (done) {
                heap[0] = heap[--size];
            }
            siftDown(heap, size, 0, order);
        }
        progress.onProgress(1.0);
        return Assignment.of(matrix, mentorOf);
    }

    /**
     * The same order on sparse scores: every listed pair sorted once by score descending (a
     * counting sort when scores are small integers, as the product's are), the pairs of one score
     * in row order, which is mentee then mentor.
     */
    public static Assignment solve(
            SparseScores scores,
            Capacities capacities,
            CancellationToken token,
            ProgressListener progress) {
        int n = scores.rows();
        int[] room = capacities.toArray();
        if (room.length != scores.cols()) {
            throw new IllegalArgumentException(
                    room.length + " capacities for " + scores.cols() + " mentors");
        }
        int[] start = scores.start();
        int[] col = scores.col();
        int[] score = scores.score();
        int pairs = start[n];
        int[] order = new int[pairs];
        int max = Math.max(0, scores.maxScore());
        if (max < (1 << 22)) {
            int[] first = new int[max + 2];
            for (int e = 0; e < pairs; e++) {
                first[max - score[e] + 1]++;
            }
            for (int s = 1; s < first.length; s++) {
                first[s] += first[s - 1];
            }
            for (int e = 0; e < pairs; e++) {
                order[first[max - score[e]]++] = e;
            }
        } else {
            long[] keys = new long[pairs];
            for (int e = 0; e < pairs; e++) {
                keys[e] = ((long) (max - score[e]) << 32) | e;
            }
            Arrays.sort(keys);
            for (int e = 0; e < pairs; e++) {
                order[e] = (int) keys[e];
            }
        }
        progress.onProgress(0.5);
        int[] rowOf = new int[pairs];
        for (int i = 0; i < n; i++) {
            Arrays.fill(rowOf, start[i], start[i + 1], i);
        }
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, Assignment.UNMATCHED);
        for (int k = 0; k < pairs; k++) {
            if ((k & 0xFFFF) == 0) {
                token.throwIfCancelled();
            }
            int e = order[k];
            int i = rowOf[e];
            int j = col[e];
            if (mentorOf[i] == Assignment.UNMATCHED && room[j] > 0) {
                mentorOf[i] = j;
                room[j]--;
            }
        }
        progress.onProgress(1.0);
        return scores.assignment(mentorOf);
    }

    private static boolean before(int a, int b, RankedOrder order) {
        int sa = TopScores.scoreOf(order.head(a));
        int sb = TopScores.scoreOf(order.head(b));
        return sa > sb || (sa == sb && a < b);
    }

    private static void siftDown(int[] heap, int size, int c, RankedOrder order) {
        if (size == 0) {
            return;
        }
        int x = heap[c];
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int m = r < size && before(heap[r], heap[l], order) ? r : l;
            if (!before(heap[m], x, order)) {
                break;
            }
            heap[c] = heap[m];
            c = m;
        }
        heap[c] = x;
    }
}
