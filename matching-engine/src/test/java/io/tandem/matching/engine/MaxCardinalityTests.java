package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.RandomInstances.Instance;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MaxCardinalityTests {

    @Property(tries = 300)
    void searchingFirstFromSomeMenteesStillReachesTheMaximumACoverProves(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 25) int cols,
            @ForAll @IntRange(min = 0, max = 10) int floor) {
        Instance in = RandomInstances.random(seed, rows, cols, 10, 0.3, 3);
        int[] cap = in.capacities().toArray();
        MaxCardinality flow = new MaxCardinality(in.matrix(), cap, CancellationToken.NONE);
        int[] empty = new int[rows];
        Arrays.fill(empty, -1);
        int[] maximum = empty.clone();
        boolean[] reachedRows = new boolean[rows];
        boolean[] reachedCols = new boolean[cols];
        // a target above any matching: the search ends short and marks its cover
        int size = flow.maximizeMarking(floor, maximum, rows + 1, null, reachedRows, reachedCols);
        assertValid(in, floor, maximum, size);
        assertCover(in, floor, maximum, size, reachedRows, reachedCols);

        // a threshold probe's start: part of a maximum matching kept, the rest marked to search
        Random random = new Random(seed);
        int[] warm = maximum.clone();
        boolean[] first = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            if (warm[i] >= 0 && random.nextBoolean()) {
                warm[i] = -1;
                first[i] = true;
            } else if (warm[i] < 0) {
                first[i] = random.nextInt(4) == 0;
            }
        }
        assertThat(flow.maximize(floor, warm, rows, first)).isEqualTo(size);
        assertValid(in, floor, warm, size);

        int[] fromEmpty = empty.clone();
        assertThat(flow.maximize(floor, fromEmpty, rows, new boolean[rows])).isEqualTo(size);
        assertValid(in, floor, fromEmpty, size);
    }

    /**
     * What a search marks when it ends short of its target is a König cover: the mentees it did not
     * reach and the places of the mentors it did cover every pair at or above the floor, and add up
     * to the matching's size (so no matching of these pairs is larger).
     */
    private static void assertCover(
            Instance in,
            int floor,
            int[] colOf,
            int size,
            boolean[] reachedRows,
            boolean[] reachedCols) {
        int[] cap = in.capacities().toArray();
        long cover = 0;
        for (int i = 0; i < colOf.length; i++) {
            cover += reachedRows[i] ? 0 : 1;
            if (colOf[i] < 0) {
                assertThat(reachedRows[i]).as("free mentee %d", i).isTrue();
            }
            for (int j = 0; j < cap.length; j++) {
                if (in.matrix().score(i, j) >= floor && cap[j] > 0) {
                    assertThat(!reachedRows[i] || reachedCols[j])
                            .as("pair %d-%d covered", i, j)
                            .isTrue();
                }
            }
        }
        for (int j = 0; j < cap.length; j++) {
            cover += reachedCols[j] ? cap[j] : 0;
        }
        assertThat(cover).isEqualTo(size);
    }

    private static void assertValid(Instance in, int floor, int[] colOf, int size) {
        int[] load = new int[in.matrix().cols()];
        int matched = 0;
        for (int i = 0; i < colOf.length; i++) {
            if (colOf[i] >= 0) {
                assertThat(in.matrix().score(i, colOf[i])).isGreaterThanOrEqualTo(floor);
                load[colOf[i]]++;
                matched++;
            }
        }
        for (int j = 0; j < load.length; j++) {
            assertThat(load[j]).isLessThanOrEqualTo(in.capacities().of(j));
        }
        assertThat(matched).isEqualTo(size);
    }
}
