package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The scorer's threads hand their blocks of rows over in any order: the compressed rows come out in
 * row order whatever the order of arrival, and however far the first blocks misjudge the size.
 */
class RowBlocksTests {

    @Property(tries = 200)
    void blocksInAnyOrderGiveTheRowsInOrder(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300) int rows,
            @ForAll @IntRange(min = 1, max = 50) int cols,
            @ForAll @IntRange(min = 1, max = 70) int block,
            @ForAll @IntRange(min = 1, max = 3) int workers) {
        Random random = new Random(seed);
        // rows further down list more pairs
        int[][] colsOf = new int[rows][];
        int[][] scoresOf = new int[rows][];
        for (int i = 0; i < rows; i++) {
            List<Integer> c = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                if (random.nextInt(rows + 1) < i) {
                    c.add(j);
                }
            }
            colsOf[i] = c.stream().mapToInt(Integer::intValue).toArray();
            scoresOf[i] = random.ints(colsOf[i].length, 0, 1000).toArray();
        }
        List<Integer> froms = new ArrayList<>();
        for (int from = 0; from < rows; from += block) {
            froms.add(from);
        }
        Collections.shuffle(froms, random);
        RowBlocks blocks = new RowBlocks(rows, cols, block, workers);
        int[] col = new int[block * cols];
        int[] score = new int[block * cols];
        int[] lengths = new int[block];
        for (int from : froms) {
            int count = Math.min(block, rows - from);
            int k = 0;
            for (int r = 0; r < count; r++) {
                int[] c = colsOf[from + r];
                System.arraycopy(c, 0, col, k, c.length);
                System.arraycopy(scoresOf[from + r], 0, score, k, c.length);
                k += c.length;
                lengths[r] = c.length;
            }
            blocks.add(random.nextInt(workers), from, lengths, count, col, score, k);
            // the scratch is the caller's again: scribble on it
            java.util.Arrays.fill(col, -7);
            java.util.Arrays.fill(score, -7);
        }
        SparseScores got = blocks.scores(cols);
        long pairs = 0;
        for (int i = 0; i < rows; i++) {
            pairs += colsOf[i].length;
            for (int j = 0, e = 0; j < cols; j++) {
                boolean listed = e < colsOf[i].length && colsOf[i][e] == j;
                assertThat(got.score(i, j))
                        .as("pair %d, %d", i, j)
                        .isEqualTo(listed ? scoresOf[i][e] : ScoreMatrix.FORBIDDEN);
                e += listed ? 1 : 0;
            }
        }
        assertThat(got.pairs()).isEqualTo(pairs);
    }
}
