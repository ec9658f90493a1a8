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
        return topK(Rows.of(matrix), mentee, remainingCapacity, k);
    }

    /** The same on sparse scores: only the mentee's listed pairs are looked at. */
    public static int[] topK(SparseScores scores, int mentee, int[] remainingCapacity, int k) {
        return topK(Rows.of(scores), mentee, remainingCapacity, k);
    }

    /** The same as {@link #topK}, scoring the mentee's row on the fly and explaining each. */
    public static List<Recommendation> recommend(
            Scorer scorer, int mentee, int[] remainingCapacity, int k) {
        int[] row = new int[scorer.mentors()];
        scorer.scoreRow(mentee, row, 0);
        List<Recommendation> out = new ArrayList<>();
        Rows one = Rows.of(ScoreMatrix.wrap(1, row.length, row));
        for (int j : topK(one, 0, remainingCapacity, k)) {
            out.add(new Recommendation(j, row[j], scorer.explain(mentee, j)));
        }
        return out;
    }

    private static int[] topK(Rows rows, int mentee, int[] remaining, int k) {
        if (remaining.length != rows.m) {
            throw new IllegalArgumentException(
                    remaining.length + " capacities for " + rows.m + " mentors");
        }
        int offset = rows.from(mentee);
        int count = rows.to(mentee) - offset;
        int limit = Math.max(0, Math.min(k, count));
        long[] heap = new long[Math.max(1, limit)];
        long[] keys = new long[Math.max(1, limit)];
        int found =
                limit == 0
                        ? 0
                        : TopScores.select(
                                rows.score,
                                rows.cols,
                                offset,
                                1,
                                count,
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
