package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * How each side ranks the other. A pair is acceptable only when each ranks the other. Preferences
 * are compared through {@code preference} values: larger is better, negative is unacceptable, and
 * no two partners of one person tie.
 */
public interface Rankings {

    int mentees();

    int mentors();

    /** How much {@code mentee} wants {@code mentor}: larger is better; negative = unacceptable. */
    long menteePreference(int mentee, int mentor);

    /** How much {@code mentor} wants {@code mentee}: larger is better; negative = unacceptable. */
    long mentorPreference(int mentor, int mentee);

    /** A fresh cursor over each mentee's acceptable mentors, best first. */
    Choices menteeChoices();

    /** A fresh cursor over each mentor's acceptable mentees, best first. */
    Choices mentorChoices();

    default boolean acceptable(int mentee, int mentor) {
        return menteePreference(mentee, mentor) >= 0 && mentorPreference(mentor, mentee) >= 0;
    }

    /** Per person, the next partner in order of preference. */
    interface Choices {
        /** The next partner of {@code person}, or -1 when the list is exhausted. */
        int next(int person);
    }

    /**
     * Rankings derived from one score matrix: both sides prefer a higher score, ties broken by the
     * lower index; forbidden pairs are unacceptable.
     */
    static Rankings fromScores(ScoreMatrix matrix) {
        return scored(
                matrix.rows(),
                matrix.cols(),
                matrix::score,
                () -> RankedOrder.rows(matrix, null)::next,
                () -> RankedOrder.columns(matrix)::next);
    }

    /**
     * The rankings {@link #fromScores(ScoreMatrix)} gives on the dense matrix of the same scores,
     * without that matrix: preferences from the listed pairs, each side's order walked over its
     * compressed lines (the mentors' lines, a transpose, built only when asked for).
     */
    static Rankings fromScores(SparseScores scores) {
        return scored(
                scores.rows(),
                scores.cols(),
                scores::score,
                () ->
                        RankedOrder.sparse(
                                        scores.rows(), scores.start(), scores.col(), scores.score())
                                ::next,
                () -> mentorLines(scores)::next);
    }

    /** Each mentor's listed mentees (increasing) with their scores: the transpose of the rows. */
    private static RankedOrder mentorLines(SparseScores scores) {
        int n = scores.rows();
        int m = scores.cols();
        int[] start = new int[m + 1];
        int pairs = (int) scores.pairs(); // the arrays may hold more than the pairs
        int[] col = scores.col();
        for (int e = 0; e < pairs; e++) {
            start[col[e] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            start[j + 1] += start[j];
        }
        int[] next = Arrays.copyOf(start, m);
        int[] rows = new int[pairs];
        int[] values = new int[rows.length];
        for (int i = 0; i < n; i++) {
            for (int e = scores.start()[i]; e < scores.start()[i + 1]; e++) {
                int at = next[scores.col()[e]]++;
                rows[at] = i; // rows increase along each mentor's line
                values[at] = scores.score()[e];
            }
        }
        return RankedOrder.sparse(m, start, rows, values);
    }

    /** Both sides prefer a higher {@code score(mentee, mentor)}, ties broken by the lower index. */
    private static Rankings scored(
            int mentees,
            int mentors,
            java.util.function.IntBinaryOperator score,
            java.util.function.Supplier<Choices> menteeChoices,
            java.util.function.Supplier<Choices> mentorChoices) {
        return new Rankings() {
            @Override
            public int mentees() {
                return mentees;
            }

            @Override
            public int mentors() {
                return mentors;
            }

            @Override
            public long menteePreference(int mentee, int mentor) {
                int s = score.applyAsInt(mentee, mentor);
                return s < 0 ? -1 : TopScores.key(s, mentor);
            }

            @Override
            public long mentorPreference(int mentor, int mentee) {
                int s = score.applyAsInt(mentee, mentor);
                return s < 0 ? -1 : TopScores.key(s, mentee);
            }

            @Override
            public Choices menteeChoices() {
                return menteeChoices.get();
            }

            @Override
            public Choices mentorChoices() {
                return mentorChoices.get();
            }
        };
    }

    /**
     * Explicit rankings: {@code menteeLists[i]} lists the mentors mentee {@code i} accepts, best
     * first; {@code mentorLists[j]} the mentees mentor {@code j} accepts, best first.
     */
    static Rankings of(int mentors, int[][] menteeLists, int[][] mentorLists) {
        int n = menteeLists.length;
        if (mentorLists.length != mentors) {
            throw new IllegalArgumentException(
                    mentorLists.length + " mentor lists for " + mentors + " mentors");
        }
        int[] menteeRank = new int[n * mentors];
        int[] mentorRank = new int[n * mentors];
        Arrays.fill(menteeRank, -1);
        Arrays.fill(mentorRank, -1);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < menteeLists[i].length; r++) {
                int j = menteeLists[i][r];
                if (menteeRank[i * mentors + j] >= 0) {
                    throw new IllegalArgumentException(
                            "mentee " + i + " ranks mentor " + j + " twice");
                }
                menteeRank[i * mentors + j] = r;
            }
        }
        for (int j = 0; j < mentors; j++) {
            for (int r = 0; r < mentorLists[j].length; r++) {
                int i = mentorLists[j][r];
                if (mentorRank[i * mentors + j] >= 0) {
                    throw new IllegalArgumentException(
                            "mentor " + j + " ranks mentee " + i + " twice");
                }
                mentorRank[i * mentors + j] = r;
            }
        }
        return new Rankings() {
            @Override
            public int mentees() {
                return n;
            }

            @Override
            public int mentors() {
                return mentors;
            }

            @Override
            public long menteePreference(int mentee, int mentor) {
                int r = menteeRank[mentee * mentors + mentor];
                return r < 0 ? -1 : Integer.MAX_VALUE - r;
            }

            @Override
            public long mentorPreference(int mentor, int mentee) {
                int r = mentorRank[mentee * mentors + mentor];
                return r < 0 ? -1 : Integer.MAX_VALUE - r;
            }

            @Override
            public Choices menteeChoices() {
                return cursor(menteeLists);
            }

            @Override
            public Choices mentorChoices() {
                return cursor(mentorLists);
            }
        };
    }

    private static Choices cursor(int[][] lists) {
        int[] at = new int[lists.length];
        return person -> at[person] < lists[person].length ? lists[person][at[person]++] : -1;
    }
}
