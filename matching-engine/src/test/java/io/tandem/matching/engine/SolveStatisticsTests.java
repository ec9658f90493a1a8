package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.InstanceFamilies.Family;
import io.tandem.matching.engine.InstanceFamilies.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A solve says what it did, so the product's log can tell whether the auction took work off the
 * exact searches: the counts follow the path taken, and never change the answer.
 */
class SolveStatisticsTests {

    private static final String BIDS = "tandem.engine.auctionBids";

    @AfterEach
    void defaultBudget() {
        System.clearProperty(BIDS);
    }

    @Test
    void withoutTheAuctionEveryMenteeIsLeftToTheSearches() {
        Instance in = InstanceFamilies.generate(Family.UNIFORM, 3, 400, 120);
        System.setProperty(BIDS, "0");

        SolveStatistics s = solve(in, Objective.TOTAL).statistics();

        assertThat(s.collapsed()).isFalse();
        assertThat(s.parts()).isEqualTo(1);
        assertThat(s.auctions()).isZero();
        assertThat(s.freeAfterAuction()).isEqualTo(400);
        assertThat(s.fullSearches()).isPositive().isLessThanOrEqualTo(400);
        assertThat(s.settled()).isGreaterThanOrEqualTo(s.fullSearches());
        assertThat(s.pricingRounds()).isPositive();
    }

    @Test
    void theAuctionPlacesMenteesBeforeTheSearchesAndTheAnswerStaysTheSame() {
        Instance in = InstanceFamilies.generate(Family.UNIFORM, 3, 400, 120);
        System.setProperty(BIDS, "0");
        Assignment without = solve(in, Objective.TOTAL);
        System.setProperty(BIDS, "16");

        Assignment with = solve(in, Objective.TOTAL);

        assertThat(with.statistics().auctions()).isEqualTo(1);
        assertThat(with.statistics().freeAfterAuction()).isLessThan(400);
        assertThat(with.statistics().fullSearches())
                .isLessThan(without.statistics().fullSearches());
        assertThat(with.total()).isEqualTo(without.total());
        // equality is the assignment's, whatever the solve did
        assertThat(with.withStatistics(SolveStatistics.NONE))
                .isEqualTo(with)
                .hasToString(with.withStatistics(SolveStatistics.NONE).toString());
    }

    @Test
    void fairCountsItsOneWeightedSolve() {
        Instance in = InstanceFamilies.generate(Family.FORBIDDEN, 5, 300, 90);

        SolveStatistics s = solve(in, Objective.FAIR).statistics();

        assertThat(s.parts()).isPositive();
        assertThat(s.fullSearches() + s.freeAfterAuction()).isPositive();
        assertThat(s.toString()).contains("full searches");
    }

    @Test
    void identicalRowsCollapseAndSearchNothing() {
        int rows = 2_000;
        int cols = 50;
        int[] scores = new int[rows * cols];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = (k / cols % 2) * 10 + k % cols % 7; // two kinds of mentee
        }

        SolveStatistics s =
                new AssignmentSolver()
                        .solve(
                                ScoreMatrix.wrap(rows, cols, scores),
                                Capacities.uniform(cols, 4),
                                Objective.TOTAL)
                        .statistics();

        assertThat(s.collapsed()).isTrue();
        assertThat(s.parts()).isZero();
        assertThat(s.fullSearches()).isZero();
        assertThat(s).hasToString("collapsed to a transportation problem");
    }

    private static Assignment solve(Instance in, Objective objective) {
        return InstanceFamilies.solverWithoutCollapsing()
                .solve(SparseScores.of(in.matrix()), in.capacities(), objective);
    }
}
