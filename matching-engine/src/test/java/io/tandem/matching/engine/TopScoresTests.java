package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A row's best columns, short lists (kept sorted by insertion) and long ones (a heap) alike, are
 * exactly the first ones of the whole row sorted by score descending, then column ascending, among
 * the entries the filters let through: ties everywhere, forbidden scores, a floor, full mentors and
 * an upper bound on the key.
 */
class TopScoresTests {

    @Property(tries = 300)
    void theBestColumnsAreTheHeadOfTheSortedRow(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 80) int count,
            @ForAll @IntRange(min = 1, max = 20) int k,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll boolean sparse) {
        Random random = new Random(seed);
        int[] scores = new int[count * stride + 1];
        int[] cols = sparse ? new int[scores.length] : null;
        int[] capacity = new int[sparse ? 3 * count + 1 : count];
        for (int j = 0; j < capacity.length; j++) {
            capacity[j] = random.nextInt(4); // a quarter of the mentors are full
        }
        int col = 0;
        for (int x = 0; x < count; x++) {
            scores[1 + x * stride] = random.nextInt(8) - 1; // ties, and -1: forbidden
            if (sparse) {
                col += 1 + random.nextInt(3);
                cols[1 + x * stride] = col;
            }
        }
        int floor = random.nextInt(3);
        long below = random.nextBoolean() ? Long.MAX_VALUE : TopScores.key(random.nextInt(8), 0);
        long[] out = new long[k];
        int got =
                TopScores.select(
                        scores,
                        cols,
                        1,
                        stride,
                        count,
                        floor,
                        capacity,
                        below,
                        k,
                        new long[k],
                        out);

        long[] expected =
                IntStream.range(0, count)
                        .mapToLong(
                                x -> {
                                    int s = scores[1 + x * stride];
                                    int c = sparse ? cols[1 + x * stride] : x;
                                    return s < floor || capacity[c] <= 0
                                            ? Long.MIN_VALUE
                                            : TopScores.key(s, c);
                                })
                        .filter(key -> key != Long.MIN_VALUE && key < below)
                        .map(key -> -key)
                        .sorted()
                        .map(key -> -key)
                        .limit(k)
                        .toArray();
        assertThat(Arrays.copyOf(out, got)).containsExactly(expected);
    }
}
