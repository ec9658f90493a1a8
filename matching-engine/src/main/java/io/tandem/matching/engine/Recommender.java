package io.tandem.matching.engine;

import java.util.ArrayList;
import java.util.List;

/** Self-match: the best mentors one mentee can still get, with the reasons. */
public final class Recommender {

    /** A suggested mentor with its score and explanation (empty when built from a matrix). */
    public record Recommendation(int mentor, int score, List<Explanation> explanation) {}

    private Recommender() {}

    /**
     * The {@code k} best allowed mentors of {@code mentee} that still have room ({@code
     * remainingCapacity[j] > 0}), by score descending, ties by index.
     */
    public static int[] topK(ScoreMatrix matrix, int mentee, int[] remainingCapacity, int k) {
        return topK(matrix.array(), mentee * matrix.cols(), matrix.cols(), remainingCapacity, k);
    }

    /** The same on sparse scores: only the mentee's listed pairs are looked at. */
    public static int[] topK(SparseScores scores, int mentee, int[] remainingCapacity, int k) {
        if (remainingCapacity.length != scores.cols()) {
            throw new IllegalArgumentException(
                    remainingCapacity.length + " capacities for " + scores.cols() + " mentors");
        }
        int from = scores.start()[mentee];
        int count = scores.start()[mentee + 1] - from;
        int limit = Math.max(0, Math.min(k, count));
        long[] heap = new long[Math.max(1, limit)];
        long[] keys = new long[Math.max(1, limit)];
        int found =
                limit == 0
                        ? 0
                        : TopScores.select(
                                scores.score(),
                                scores.col(),
                                from,
                                1,
                                count,
                                0,
                                remainingCapacity,
                                Long.MAX_VALUE,
                                limit,
                                heap,
                                keys);
        int[] out = new int[found];
        for (int a = 0; a < found; a++) {
            out[a] = TopScores.colOf(keys[a]);
        }
        return out;
    }

    /** The same as {@link #topK}, scoring the mentee's row on the fly and explaining each. */
    public static List<Recommendation> recommend(
            Scorer scorer, int mentee, int[] remainingCapacity, int k) {
        int[] row = new int[scorer.mentors()];
        scorer.scoreRow(mentee, row, 0);
        List<Recommendation> out = new ArrayList<>();
        for (int j : topK(row, 0, row.length, remainingCapacity, k)) {
            out.add(new Recommendation(j, row[j], scorer.explain(mentee, j)));
        }
        return out;
    }

    private static int[] topK(int[] scores, int offset, int cols, int[] remaining, int k) {
        if (remaining.length != cols) {
            throw new IllegalArgumentException(
                    remaining.length + " capacities for " + cols + " mentors");
        }
        int limit = Math.max(0, Math.min(k, cols));
        long[] heap = new long[Math.max(1, limit)];
        long[] keys = new long[Math.max(1, limit)];
        int found =
                limit == 0
                        ? 0
                        : TopScores.select(
                                scores,
                                null,
                                offset,
                                1,
                                cols,
                                0,
                                remaining,
                                Long.MAX_VALUE,
                                limit,
                                heap,
                                keys);
        int[] out = new int[found];
        for (int a = 0; a < found; a++) {
            out[a] = TopScores.colOf(keys[a]);
        }
        return out;
    }
}
