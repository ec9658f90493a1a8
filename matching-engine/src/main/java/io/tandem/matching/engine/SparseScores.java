package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * The allowed pairs only, row by row (compressed rows): for cohorts whose full matrix would not fit
 * in memory (50,000 × 15,000 is 750 M pairs, 3 GB as ints) when the program's rules allow each
 * mentee a small share of the mentors. A pair not listed is forbidden. Row {@code i}'s pairs are
 * {@code start[i] .. start[i + 1] - 1}, with strictly increasing columns and scores ≥ 0.
 */
public final class SparseScores {

    private final int rows;
    private final int cols;
    private final int[] start;
    private final int[] col;
    private final int[] score;
    private final int maxScore;

    private SparseScores(int rows, int cols, int[] start, int[] col, int[] score, int maxScore) {
        this.rows = rows;
        this.cols = cols;
        this.start = start;
        this.col = col;
        this.score = score;
        this.maxScore = maxScore;
    }

    /**
     * Wraps the arrays (not copied) after checking them.
     *
     * @throws IllegalArgumentException naming the first row that breaks the shape
     */
    public static SparseScores wrap(int rows, int cols, int[] start, int[] col, int[] score) {
        if (rows < 0 || cols < 0 || start.length != rows + 1 || start[0] != 0) {
            throw new IllegalArgumentException("start must hold rows + 1 offsets from 0");
        }
        if (start[rows] > col.length || col.length != score.length) {
            throw new IllegalArgumentException("columns and scores must hold every pair");
        }
        int max = -1;
        for (int i = 0; i < rows; i++) {
            if (start[i + 1] < start[i]) {
                throw new IllegalArgumentException("row " + i + ": offsets decrease");
            }
            int last = -1;
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (col[e] <= last || col[e] >= cols) {
                    throw new IllegalArgumentException(
                            "row " + i + ": columns must increase within 0.." + (cols - 1));
                }
                if (score[e] < 0) {
                    throw new IllegalArgumentException("row " + i + ": negative score");
                }
                last = col[e];
                max = Math.max(max, score[e]);
            }
        }
        return new SparseScores(rows, cols, start, col, score, max);
    }

    /**
     * Wraps arrays the engine built itself in the right shape (the scorer's), without reading every
     * pair again to check them.
     */
    static SparseScores built(int rows, int cols, int[] start, int[] col, int[] score) {
        return new SparseScores(rows, cols, start, col, score, maxOf(score));
    }

    /** The allowed pairs of a dense matrix (for tests and small programs). */
    public static SparseScores of(ScoreMatrix matrix) {
        int n = matrix.rows();
        int m = matrix.cols();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < m; j++) {
                c += matrix.isAllowed(i, j) ? 1 : 0;
            }
            start[i + 1] = start[i] + c;
        }
        int[] col = new int[start[n]];
        int[] score = new int[start[n]];
        for (int i = 0, e = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (matrix.isAllowed(i, j)) {
                    col[e] = j;
                    score[e++] = matrix.score(i, j);
                }
            }
        }
        return wrap(n, m, start, col, score);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of allowed pairs. */
    public long pairs() {
        return start[rows];
    }

    /** Highest score, {@code -1} when no pair is allowed. */
    public int maxScore() {
        return maxScore;
    }

    int[] start() {
        return start;
    }

    int[] col() {
        return col;
    }

    int[] score() {
        return score;
    }

    /** Whether the row lists any pair at all. */
    public boolean anyAllowed(int row) {
        return start[row + 1] > start[row];
    }

    /**
     * These scores with the rows {@code leaving} marks emptied (mentees already paired, or held by
     * a locked pair): they take part in no solve.
     */
    public SparseScores withoutRows(boolean[] leaving) {
        if (leaving.length != rows) {
            throw new IllegalArgumentException(leaving.length + " flags for " + rows + " rows");
        }
        int[] s = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            s[i + 1] = s[i] + (leaving[i] ? 0 : start[i + 1] - start[i]);
        }
        if (s[rows] == start[rows]) {
            return this;
        }
        int[] c = new int[s[rows]];
        int[] sc = new int[s[rows]];
        for (int i = 0; i < rows; i++) {
            if (!leaving[i]) {
                System.arraycopy(col, start[i], c, s[i], start[i + 1] - start[i]);
                System.arraycopy(score, start[i], sc, s[i], start[i + 1] - start[i]);
            }
        }
        return new SparseScores(rows, cols, s, c, sc, maxOf(sc));
    }

    private static int maxOf(int[] scores) {
        int max = -1;
        for (int x : scores) {
            max = Math.max(max, x);
        }
        return max;
    }

    /** The pair's score, or {@link ScoreMatrix#FORBIDDEN} when it is not listed. */
    public int score(int row, int column) {
        int e = Arrays.binarySearch(col, start[row], start[row + 1], column);
        return e >= 0 ? score[e] : ScoreMatrix.FORBIDDEN;
    }

    /** The figures of {@code mentorOfMentee} on these scores. */
    public Assignment assignment(int[] mentorOfMentee) {
        if (mentorOfMentee.length != rows) {
            throw new IllegalArgumentException(
                    mentorOfMentee.length + " mentees for " + rows + " rows");
        }
        return Rows.of(this).assignment(mentorOfMentee);
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " sparse, " + pairs() + " pairs";
    }
}
