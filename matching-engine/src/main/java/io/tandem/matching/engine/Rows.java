package io.tandem.matching.engine;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Scores as the solvers walk them, mentee by mentee, whether held dense ({@link ScoreMatrix}) or
 * sparse ({@link SparseScores}): row {@code i}'s entries are {@code score[from(i) .. to(i))} and
 * entry {@code e} names mentor {@link #col(int, int)}, in increasing order. One code path for both
 * keeps their answers identical. Dense entries may be negative (forbidden); sparse ones never are.
 */
final class Rows {

    final int n;
    final int m;
    final int[] score;

    /**
     * Each entry's mentor; {@code null} when dense (entry {@code e} of row i is {@code e - i*m}).
     */
    final int[] cols;

    /** Row offsets; {@code null} when dense. */
    final int[] start;

    final int maxScore;

    /** Row {@code i} is row {@code rowOf[i]} of the arrays; {@code null}: row i itself. */
    private final int[] rowOf;

    private Rows(int n, int m, int[] score, int[] cols, int[] start, int maxScore, int[] rowOf) {
        this.n = n;
        this.m = m;
        this.score = score;
        this.cols = cols;
        this.start = start;
        this.maxScore = maxScore;
        this.rowOf = rowOf;
    }

    private Rows(int n, int m, int[] score, int[] cols, int[] start, int maxScore) {
        this(n, m, score, cols, start, maxScore, null);
    }

    static Rows of(ScoreMatrix matrix) {
        return new Rows(
                matrix.rows(), matrix.cols(), matrix.array(), null, null, matrix.maxScore());
    }

    static Rows of(SparseScores sparse) {
        return new Rows(
                sparse.rows(),
                sparse.cols(),
                sparse.score(),
                sparse.col(),
                sparse.start(),
                sparse.maxScore());
    }

    /**
     * Sparse rows over arrays built here (a part of a larger problem), with their highest score;
     * the arrays may be longer than the rows' {@code start[n]} entries (a worker's reused scratch).
     */
    static Rows sparse(int n, int m, int[] start, int[] cols, int[] score, int maxScore) {
        return new Rows(n, m, score, cols, start, maxScore);
    }

    /**
     * Some rows of these sparse rows, without copying their pairs: a large part of a problem that
     * falls apart (see {@link Components}); mentors keep their numbers.
     */
    Rows select(int[] rows) {
        if (start == null || rowOf != null) {
            throw new IllegalStateException("only whole sparse rows select");
        }
        return new Rows(rows.length, m, score, cols, start, maxScore, rows);
    }

    int from(int i) {
        return start == null ? i * m : start[rowOf == null ? i : rowOf[i]];
    }

    int to(int i) {
        return start == null ? (i + 1) * m : start[(rowOf == null ? i : rowOf[i]) + 1];
    }

    /** The mentor of entry {@code e} of row {@code i}. */
    int col(int i, int e) {
        return cols == null ? e - i * m : cols[e];
    }

    /** The pair's score; negative when forbidden. */
    int score(int i, int j) {
        if (start == null) {
            return score[i * m + j];
        }
        int e = Arrays.binarySearch(cols, from(i), to(i), j);
        return e >= 0 ? score[e] : ScoreMatrix.FORBIDDEN;
    }

    /** The figures of an assignment on these scores. */
    Assignment assignment(int[] mentorOfMentee) {
        long total = 0;
        int matched = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int j = mentorOfMentee[i];
            if (j == Assignment.UNMATCHED) {
                continue;
            }
            int s = score(i, j);
            if (s < 0) {
                throw new IllegalArgumentException("mentee " + i + " got forbidden mentor " + j);
            }
            total += s;
            matched++;
            min = Math.min(min, s);
        }
        return new Assignment(
                mentorOfMentee,
                total,
                matched,
                matched == 0 ? OptionalInt.empty() : OptionalInt.of(min));
    }
}
