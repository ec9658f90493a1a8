package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.RandomInstances.Instance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class GreedyMatcherTests {

    @Property(tries = 200)
    void takesPairsInScoreOrderLikeSortingEveryPair(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols) {
        Instance in = RandomInstances.random(seed, rows, cols, 8, 0.3, 2);
        assertThat(GreedyMatcher.solve(in.matrix(), in.capacities()).mentorOfMentee())
                .isEqualTo(sortedPairs(in.matrix(), in.capacities()));
    }

    /** The definition: sort all allowed pairs by score desc, mentee, mentor; take if feasible. */
    private static int[] sortedPairs(ScoreMatrix matrix, Capacities capacities) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < matrix.rows(); i++) {
            for (int j = 0; j < matrix.cols(); j++) {
                if (matrix.isAllowed(i, j)) {
                    pairs.add(new int[] {matrix.score(i, j), i, j});
                }
            }
        }
        pairs.sort(
                Comparator.<int[]>comparingInt(p -> -p[0])
                        .thenComparingInt(p -> p[1])
                        .thenComparingInt(p -> p[2]));
        int[] mentorOf = new int[matrix.rows()];
        Arrays.fill(mentorOf, -1);
        int[] load = new int[matrix.cols()];
        for (int[] p : pairs) {
            if (mentorOf[p[1]] < 0 && load[p[2]] < capacities.of(p[2])) {
                mentorOf[p[1]] = p[2];
                load[p[2]]++;
            }
        }
        return mentorOf;
    }
}
