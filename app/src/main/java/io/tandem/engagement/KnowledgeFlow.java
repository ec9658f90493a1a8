package io.tandem.engagement;

import java.util.List;

/**
 * Which divisions, locations or functions mentor which: {@code counts[i][j]} pairs have a mentor in
 * {@code mentors[i]} and a mentee in {@code mentees[j]}.
 *
 * @param crossingPercent the share of pairs whose two people differ in this dimension
 * @param cohorts the same share per quarter in which pairs started, oldest first
 */
public record KnowledgeFlow(
        String dimension,
        List<String> mentors,
        List<String> mentees,
        int[][] counts,
        int pairs,
        Integer crossingPercent,
        List<Cohort> cohorts) {

    public record Cohort(String quarter, int pairs, int crossing, Integer crossingPercent) {}

    public int max() {
        int max = 0;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        return max;
    }

    /** The cell's heat from 0 to 4, for its shade. */
    public int heat(int count) {
        int max = max();
        return count == 0 || max == 0 ? 0 : 1 + (int) Math.min(3, (count - 1) * 4L / max);
    }

    /** A pair in a cell: metadata only. */
    public record FlowPair(
            String mentor, String mentee, java.time.LocalDate startedOn, String status) {}
}
