package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.RandomInstances.Instance;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ThresholdBoundTests {

    /** FAIR refuses a threshold on this bound alone, so it must never fall below the maximum. */
    @Property(tries = 300)
    void keptScoresGiveTheScanBoundAndNeverUnderestimateTheMaximum(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 20) int cols,
            @ForAll @IntRange(min = 0, max = 6) int maxCapacity) {
        Instance in = RandomInstances.random(seed, rows, cols, 12, 0.3, maxCapacity);
        int[] cap = in.capacities().toArray();
        ThresholdBound bound = ThresholdBound.of(in.matrix(), cap, CancellationToken.NONE);
        MaxCardinality flow = new MaxCardinality(in.matrix(), cap, CancellationToken.NONE);
        for (int t = 0; t <= 13; t++) {
            int[] colOf = new int[rows];
            Arrays.fill(colOf, -1);
            int maximum = flow.maximize(t, colOf, rows);
            assertThat(bound.pairs(t)).as("t = %d", t).isEqualTo(bound.scan(t));
            assertThat(bound.pairs(t)).as("t = %d", t).isGreaterThanOrEqualTo(maximum);
        }
    }
}
