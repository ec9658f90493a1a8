package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.InstanceFamilies.Family;
import io.tandem.matching.engine.InstanceFamilies.Instance;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Wherever the auction stops, its state is what the exact searches may start from: no mentor over
 * capacity, a mentor with room priced 0, and every holder exactly at its best mentor (or as well
 * off as unmatched) under the mentors' prices, except the holders its ε bids left short, which it
 * names (their places become deficits the searches fill).
 */
class AuctionTests {

    @Property(tries = 200)
    void everyHolderIsAtItsBestMentorWhereverTheAuctionStops(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 25) int cols,
            @ForAll @IntRange(min = 0, max = 400) int bids,
            @ForAll @IntRange(min = 0, max = 400) int epsilonBids,
            @ForAll @IntRange(min = 1, max = 3) int epsilonPoints) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        int[] start = new int[rows + 1];
        int[] col = new int[rows * cols];
        int[] score = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            start[i + 1] = start[i];
            for (int j = 0; j < cols; j++) {
                if (in.matrix().score(i, j) != ScoreMatrix.FORBIDDEN) {
                    col[start[i + 1]] = j;
                    score[start[i + 1]++] = in.matrix().score(i, j);
                }
            }
        }
        int[] cap = new int[cols];
        for (int j = 0; j < cols; j++) {
            cap[j] = in.capacities().of(j);
        }
        long alpha = rows + 1L;
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Auction auction =
                Auction.run(
                        start,
                        col,
                        score,
                        cap,
                        alpha,
                        1,
                        order,
                        bids,
                        alpha * epsilonPoints,
                        epsilonBids,
                        Long.MAX_VALUE);
        if (auction == null) {
            return; // places far outnumber mentees: no auction, every mentee left to the searches
        }

        int[] held = new int[cols];
        for (int i = 0; i < rows; i++) {
            int e = auction.arcOf[i];
            if (e < 0) {
                continue;
            }
            held[col[e]]++;
            long net = alpha * score[e] + 1 - auction.price(col[e]);
            boolean atBest = net >= 0;
            for (int f = start[i]; f < start[i + 1]; f++) {
                atBest &= cap[col[f]] == 0 || net >= alpha * score[f] + 1 - auction.price(col[f]);
            }
            // a holder an ε bid left short of its best is named, and handed to the searches
            assertThat(auction.isShort(i)).as("mentee %d short, %s", i, in).isEqualTo(!atBest);
            if (!atBest) {
                assertThat(epsilonBids).isPositive();
                continue;
            }
            assertThat(net).as("mentee %d against staying unmatched, %s", i, in).isNotNegative();
            for (int f = start[i]; f < start[i + 1]; f++) {
                if (cap[col[f]] > 0) {
                    assertThat(net)
                            .as("mentee %d at %d against %d, %s", i, col[e], col[f], in)
                            .isGreaterThanOrEqualTo(alpha * score[f] + 1 - auction.price(col[f]));
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            assertThat(held[j]).isLessThanOrEqualTo(cap[j]);
            if (held[j] < cap[j]) {
                assertThat(auction.price(j)).as("mentor %d with room, %s", j, in).isZero();
            } else {
                assertThat(auction.price(j)).isNotNegative();
            }
        }
    }
}
