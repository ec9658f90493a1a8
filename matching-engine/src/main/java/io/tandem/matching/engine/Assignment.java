package io.tandem.matching.engine;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Which mentor each mentee got ({@code -1}: none), with the figures the objectives compare.
 *
 * @param mentorOfMentee mentor index per mentee, or {@code -1} when unmatched
 * @param total sum of the matched pairs' scores
 * @param matched number of matched mentees
 * @param minScore lowest matched score; empty when nobody is matched
 * @param statistics what the solve that found it did (not part of equality)
 */
public record Assignment(
        int[] mentorOfMentee,
        long total,
        int matched,
        OptionalInt minScore,
        SolveStatistics statistics) {

    public static final int UNMATCHED = -1;

    public Assignment(int[] mentorOfMentee, long total, int matched, OptionalInt minScore) {
        this(mentorOfMentee, total, matched, minScore, SolveStatistics.NONE);
    }

    /** The same assignment, with what the solve did. */
    public Assignment withStatistics(SolveStatistics statistics) {
        return new Assignment(mentorOfMentee, total, matched, minScore, statistics);
    }

    /** Computes the figures of {@code mentorOfMentee} on {@code matrix}. */
    public static Assignment of(ScoreMatrix matrix, int[] mentorOfMentee) {
        if (mentorOfMentee.length != matrix.rows()) {
            throw new IllegalArgumentException(
                    mentorOfMentee.length + " mentees for a matrix of " + matrix.rows() + " rows");
        }
        return Rows.of(matrix).assignment(mentorOfMentee);
    }

    public int mentorOf(int mentee) {
        return mentorOfMentee[mentee];
    }

    /** Mentees per mentor. */
    public int[] loads(int mentors) {
        int[] loads = new int[mentors];
        for (int j : mentorOfMentee) {
            if (j != UNMATCHED) {
                loads[j]++;
            }
        }
        return loads;
    }

    /** True when no forbidden pair is used and no mentor is over capacity. */
    public boolean isFeasible(ScoreMatrix matrix, Capacities capacities) {
        if (mentorOfMentee.length != matrix.rows()) {
            return false;
        }
        int[] loads = new int[matrix.cols()];
        for (int i = 0; i < mentorOfMentee.length; i++) {
            int j = mentorOfMentee[i];
            if (j == UNMATCHED) {
                continue;
            }
            if (j < 0 || j >= matrix.cols() || !matrix.isAllowed(i, j)) {
                return false;
            }
            if (++loads[j] > capacities.of(j)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assignment a
                && Arrays.equals(mentorOfMentee, a.mentorOfMentee)
                && total == a.total
                && matched == a.matched
                && minScore.equals(a.minScore);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mentorOfMentee) * 31 + Long.hashCode(total);
    }

    @Override
    public String toString() {
        return "Assignment[total="
                + total
                + ", matched="
                + matched
                + ", minScore="
                + minScore
                + ", mentorOfMentee="
                + (mentorOfMentee.length <= 50
                        ? Arrays.toString(mentorOfMentee)
                        : mentorOfMentee.length + " mentees")
                + "]";
    }
}
