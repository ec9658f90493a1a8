package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Scores of every (mentee, mentor) pair, row-major: one row per mentee, one column per mentor. A
 * negative score forbids the pair; allowed pairs score zero or more.
 *
 * <p>The array is shared, not copied, so that a 10,000 × 3,000 matrix costs its 120 MB once.
 */
public final class ScoreMatrix {

    /** The score the scorer gives to a pair a hard rule forbids. */
    public static final int FORBIDDEN = -1;

    private final int rows;
    private final int cols;
    private final int[] scores;

    private ScoreMatrix(int rows, int cols, int[] scores) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimension " + rows + "x" + cols);
        }
        if ((long) rows * cols != scores.length) {
            throw new IllegalArgumentException(
                    "expected " + (long) rows * cols + " scores, got " + scores.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.scores = scores;
    }

    /** Wraps a row-major array of {@code rows * cols} scores without copying it. */
    public static ScoreMatrix wrap(int rows, int cols, int[] scores) {
        return new ScoreMatrix(rows, cols, scores);
    }

    /** Copies a jagged array; every row must have the same length. */
    public static ScoreMatrix of(int[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        int[] scores = new int[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, scores, i * cols, cols);
        }
        return new ScoreMatrix(rows.length, cols, scores);
    }

    /** Number of mentees. */
    public int rows() {
        return rows;
    }

    /** Number of mentors. */
    public int cols() {
        return cols;
    }

    public int score(int mentee, int mentor) {
        return scores[mentee * cols + mentor];
    }

    public boolean isAllowed(int mentee, int mentor) {
        return scores[mentee * cols + mentor] >= 0;
    }

    /** The backing row-major array (shared, not a copy). */
    public int[] array() {
        return scores;
    }

    /** Largest score of an allowed pair, or -1 when every pair is forbidden. */
    public int maxScore() {
        int max = -1;
        for (int s : scores) {
            if (s > max) {
                max = s;
            }
        }
        return max;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(rows + "x" + cols);
        if (rows * cols <= 64) {
            for (int i = 0; i < rows; i++) {
                out.append('\n')
                        .append(
                                Arrays.toString(
                                        Arrays.copyOfRange(scores, i * cols, i * cols + cols)));
            }
        }
        return out.toString();
    }
}
