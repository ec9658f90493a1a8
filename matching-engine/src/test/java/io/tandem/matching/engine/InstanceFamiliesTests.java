package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.InstanceFamilies.Family;
import io.tandem.matching.engine.InstanceFamilies.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every instance family at small sizes: the solver's optimum agrees with brute force and OR-tools,
 * and carries a dual certificate, for all three objectives; recommendations keep their promise.
 */
class InstanceFamiliesTests {

    private static final AssignmentSolver SOLVER = new AssignmentSolver(1);

    /** One candidate per mentee: forces the pricing and repair rounds on every family. */
    private static final AssignmentSolver NARROW = new AssignmentSolver(2, 1, 0);

    /** Collapses identical rows and columns whenever any row repeats: the transportation path. */
    private static final AssignmentSolver COLLAPSING = new AssignmentSolver(1, 32, 1);

    private static List<Long> comparable(Assignment a, Objective objective) {
        return switch (objective) {
            case TOTAL -> List.of(a.total(), (long) a.matched());
            case PARTICIPATION -> List.of((long) a.matched(), a.total());
            case FAIR -> List.of((long) a.matched(), (long) a.minScore().orElse(0), a.total());
        };
    }

    @Property(tries = 300)
    void matchesBruteForceOnTinyInstancesOfEveryFamily(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 4) int cols) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        for (Objective objective : Objective.values()) {
            BruteForce.Best expected = BruteForce.best(in.matrix(), in.capacities(), objective);
            for (AssignmentSolver solver : List.of(SOLVER, NARROW, COLLAPSING)) {
                Assignment got = Bounded.solve(solver, in.matrix(), in.capacities(), objective);
                assertThat(got.isFeasible(in.matrix(), in.capacities())).isTrue();
                List<Long> want =
                        switch (objective) {
                            case TOTAL -> List.of(expected.total());
                            case PARTICIPATION ->
                                    List.of((long) expected.matched(), expected.total());
                            case FAIR ->
                                    List.of(
                                            (long) expected.matched(),
                                            (long) expected.minScore(),
                                            expected.total());
                        };
                List<Long> have =
                        switch (objective) {
                            case TOTAL -> List.of(got.total());
                            case PARTICIPATION -> List.of((long) got.matched(), got.total());
                            case FAIR ->
                                    List.of(
                                            (long) got.matched(),
                                            (long) got.minScore().orElse(0),
                                            got.total());
                        };
                assertThat(have).as("%s %s", objective, in).isEqualTo(want);
                assertThat(
                                DualCertificate.proveOptimal(
                                        in.matrix(), in.capacities(), objective, got))
                        .as("%s %s", objective, in)
                        .isEmpty();
            }
        }
    }

    @Property(tries = 120)
    void isCertifiedOptimalAndAgreesWithOrToolsOnEveryFamily(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 25) int cols) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        for (Objective objective : Objective.values()) {
            Assignment reference =
                    OrToolsReference.available()
                            ? OrToolsReference.solve(in.matrix(), in.capacities(), objective)
                            : null;
            for (AssignmentSolver solver : List.of(SOLVER, NARROW, COLLAPSING)) {
                Assignment got = Bounded.solve(solver, in.matrix(), in.capacities(), objective);
                assertThat(got.isFeasible(in.matrix(), in.capacities())).isTrue();
                assertThat(
                                DualCertificate.proveOptimal(
                                        in.matrix(), in.capacities(), objective, got))
                        .as("%s %s", objective, in)
                        .isEmpty();
                if (reference != null) {
                    assertThat(
                                    comparable(got, objective)
                                            .subList(0, objective == Objective.TOTAL ? 1 : 2))
                            .as("%s %s", objective, in)
                            .isEqualTo(
                                    comparable(reference, objective)
                                            .subList(0, objective == Objective.TOTAL ? 1 : 2));
                    assertThat(got.total()).isEqualTo(reference.total());
                }
            }
        }
    }

    /**
     * The auction before the exact searches may stop after any number of bids (a tie can keep it
     * trading places), and an insertion may follow tight arcs to an end instead of searching (after
     * wide searches; here, when asked, before every search, so that pricing repairs and their
     * deficits take that way too): either way, the searches finish to the same certified optimum as
     * without the auction.
     */
    @Property(tries = 120)
    void anAuctionStoppedAnywhereOrTightPathsLeaveTheCertifiedOptimum(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 25) int cols,
            @ForAll @IntRange(min = 0, max = 5) int budget,
            @ForAll @IntRange(min = 0, max = 3) int epsilonBudget,
            @ForAll @IntRange(min = 1, max = 3) int epsilonPoints,
            @ForAll boolean tightPathsFirst) {
        // 1 to 4 bids per mentee stop most auctions midway; 1,000 lets them finish; the same for
        // the bids at ε that follow (0: none), whose short holders the searches take over
        int bidsPerMentee = budget == 5 ? 1_000 : budget;
        int epsilonBids = new int[] {0, 1, 4, 1_000}[epsilonBudget];
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        for (Objective objective : Objective.values()) {
            for (AssignmentSolver solver : List.of(SOLVER, NARROW)) {
                Assignment without = withAuctionBids(0, solver, in, objective);
                Assignment got;
                if (tightPathsFirst) {
                    System.setProperty("tandem.engine.tightRoutesAfter", "0");
                }
                System.setProperty("tandem.engine.epsilonBids", Integer.toString(epsilonBids));
                System.setProperty("tandem.engine.epsilonPoints", Integer.toString(epsilonPoints));
                // however long the climb of prices would be (the solver skips long ones)
                System.setProperty("tandem.engine.epsilonClimb", Integer.toString(1 << 30));
                try {
                    got = withAuctionBids(bidsPerMentee, solver, in, objective);
                } finally {
                    System.clearProperty("tandem.engine.tightRoutesAfter");
                    System.clearProperty("tandem.engine.epsilonBids");
                    System.clearProperty("tandem.engine.epsilonPoints");
                    System.clearProperty("tandem.engine.epsilonClimb");
                }
                assertThat(got.isFeasible(in.matrix(), in.capacities())).isTrue();
                assertThat(
                                DualCertificate.proveOptimal(
                                        in.matrix(), in.capacities(), objective, got))
                        .as(
                                "%s %s, %d bids per mentee, %d at ε = %d points",
                                objective, in, bidsPerMentee, epsilonBids, epsilonPoints)
                        .isEmpty();
                assertThat(comparable(got, objective))
                        .as("%s %s", objective, in)
                        .isEqualTo(comparable(without, objective));
            }
        }
    }

    private static Assignment withAuctionBids(
            int bids, AssignmentSolver solver, Instance in, Objective objective) {
        System.setProperty("tandem.engine.auctionBids", Integer.toString(bids));
        try {
            return Bounded.solve(solver, in.matrix(), in.capacities(), objective);
        } finally {
            System.clearProperty("tandem.engine.auctionBids");
        }
    }

    @Property(tries = 6)
    void isCertifiedOptimalOnMediumInstancesOfEveryFamily(
            @ForAll Family family, @ForAll long seed) {
        Instance in = InstanceFamilies.generate(family, seed, 240, 80);
        for (Objective objective : Objective.values()) {
            Assignment got =
                    Bounded.solve(
                            new AssignmentSolver(2, 4), in.matrix(), in.capacities(), objective);
            assertThat(DualCertificate.proveOptimal(in.matrix(), in.capacities(), objective, got))
                    .as("%s %s", objective, family)
                    .isEmpty();
        }
    }

    @Property(tries = 60)
    void certificateRefusesAWorseAssignment(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 40) int rows,
            @ForAll @IntRange(min = 2, max = 15) int cols) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        Assignment best = Bounded.solve(SOLVER, in.matrix(), in.capacities(), Objective.TOTAL);
        Assignment greedy = GreedyMatcher.solve(in.matrix(), in.capacities());
        Optional<String> verdict =
                DualCertificate.proveOptimal(in.matrix(), in.capacities(), Objective.TOTAL, greedy);
        // greedy is certified exactly when it is as good as the optimum (total, then pairs)
        boolean optimal = greedy.total() == best.total() && greedy.matched() == best.matched();
        assertThat(verdict.isEmpty()).as("%s %s", verdict, in).isEqualTo(optimal);
    }

    @Example
    void certificateNamesTheImprovingExchange() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{10, 9}, {10, 1}});
        Capacities one = Capacities.of(1, 1);
        assertThat(
                        DualCertificate.proveOptimal(
                                matrix,
                                one,
                                Objective.TOTAL,
                                Assignment.of(matrix, new int[] {0, 1})))
                .hasValueSatisfying(why -> assertThat(why).contains("negative cycle"));
        assertThat(
                        DualCertificate.proveOptimal(
                                matrix,
                                one,
                                Objective.TOTAL,
                                Assignment.of(matrix, new int[] {1, 0})))
                .isEmpty();
        // FAIR: {0, 1} has the larger total but the lower minimum
        ScoreMatrix fair = ScoreMatrix.of(new int[][] {{100, 50}, {40, 5}});
        assertThat(
                        DualCertificate.proveOptimal(
                                fair, one, Objective.FAIR, Assignment.of(fair, new int[] {0, 1})))
                .isPresent();
        assertThat(
                        DualCertificate.proveOptimal(
                                fair, one, Objective.FAIR, Assignment.of(fair, new int[] {1, 0})))
                .isEmpty();
    }

    @Property(tries = 100)
    void recommendsTheBestMentorsWithRoomOnEveryFamily(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols,
            @ForAll @IntRange(min = 0, max = 12) int k) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        Random random = new Random(seed);
        int[] room = new int[cols];
        for (int j = 0; j < cols; j++) {
            room[j] = random.nextInt(3);
        }
        int mentee = random.nextInt(rows);
        List<Integer> expected = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            if (room[j] > 0 && in.matrix().isAllowed(mentee, j)) {
                expected.add(j);
            }
        }
        expected.sort(
                Comparator.<Integer>comparingInt(j -> -in.matrix().score(mentee, j))
                        .thenComparingInt(j -> j));
        int[] got = Recommender.topK(in.matrix(), mentee, room, k);
        assertThat(got)
                .containsExactly(
                        expected.subList(0, Math.min(k, expected.size())).stream()
                                .mapToInt(Integer::intValue)
                                .toArray());
    }

    /**
     * (g) sparse allowed pairs: the sparse solve agrees with the dense solver and with OR-tools on
     * the same pairs, and the dual certificate proves it optimal, for every objective.
     */
    @Property(tries = 80)
    void sparseScoresGiveTheCertifiedOptimum(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 140) int cols) {
        InstanceFamilies.SparseInstance in = InstanceFamilies.sparse(seed, rows, cols);
        ScoreMatrix dense = in.dense();
        for (Objective objective : Objective.values()) {
            Assignment got = SOLVER.solve(in.scores(), in.capacities(), objective);
            assertThat(got.isFeasible(dense, in.capacities())).as("%s %s", objective, in).isTrue();
            assertThat(DualCertificate.proveOptimal(dense, in.capacities(), objective, got))
                    .as("%s %s", objective, in)
                    .isEmpty();
            Assignment reference =
                    OrToolsReference.available()
                            ? OrToolsReference.solve(dense, in.capacities(), objective)
                            : Bounded.solve(SOLVER, dense, in.capacities(), objective);
            int compared = objective == Objective.TOTAL ? 1 : 2;
            assertThat(comparable(got, objective).subList(0, compared))
                    .as("%s %s", objective, in)
                    .isEqualTo(comparable(reference, objective).subList(0, compared));
            assertThat(got.total()).as("%s %s", objective, in).isEqualTo(reference.total());
        }
    }

    /**
     * The same scores held sparse (only the allowed pairs) take the dense path row by row: on every
     * family, every solver variant (candidate pricing, forced repairs, the transportation collapse)
     * gives the very assignment of the dense matrix for TOTAL and PARTICIPATION, the same optimum
     * for FAIR, and greedy and the recommender pick the same mentors. The product relies on this:
     * its runs moved to sparse scores without changing an answer.
     */
    @Property(tries = 150)
    void sparseScoresGiveTheDenseAnswerOnEveryFamily(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 30) int cols) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        SparseScores sparse = SparseScores.of(in.matrix());
        for (AssignmentSolver solver : List.of(SOLVER, NARROW, COLLAPSING)) {
            for (Objective objective : Objective.values()) {
                Assignment dense = Bounded.solve(solver, in.matrix(), in.capacities(), objective);
                Assignment got = Bounded.solve(solver, sparse, in.capacities(), objective);
                if (objective == Objective.FAIR) {
                    assertThat(comparable(got, objective))
                            .as("%s %s", objective, in)
                            .isEqualTo(comparable(dense, objective));
                    assertThat(
                                    DualCertificate.proveOptimal(
                                            in.matrix(), in.capacities(), objective, got))
                            .as("%s %s", objective, in)
                            .isEmpty();
                } else {
                    assertThat(got.mentorOfMentee())
                            .as("%s %s", objective, in)
                            .containsExactly(dense.mentorOfMentee());
                }
            }
        }
        assertThat(
                        GreedyMatcher.solve(
                                        sparse,
                                        in.capacities(),
                                        CancellationToken.NONE,
                                        ProgressListener.NONE)
                                .mentorOfMentee())
                .containsExactly(
                        GreedyMatcher.solve(in.matrix(), in.capacities()).mentorOfMentee());
        // stable matching ranks the listed pairs without a dense matrix, both sides proposing
        assertThat(
                        Matcher.solve(
                                        sparse,
                                        in.capacities(),
                                        Objective.TOTAL,
                                        Algorithm.STABLE,
                                        CancellationToken.NONE,
                                        ProgressListener.NONE)
                                .mentorOfMentee())
                .containsExactly(
                        Matcher.solve(
                                        in.matrix(),
                                        in.capacities(),
                                        Objective.TOTAL,
                                        Algorithm.STABLE,
                                        CancellationToken.NONE,
                                        ProgressListener.NONE)
                                .mentorOfMentee());
        assertThat(
                        StableMatcher.match(
                                Rankings.fromScores(sparse),
                                in.capacities(),
                                StableMatcher.Proposer.MENTORS,
                                CancellationToken.NONE))
                .containsExactly(
                        StableMatcher.match(
                                Rankings.fromScores(in.matrix()),
                                in.capacities(),
                                StableMatcher.Proposer.MENTORS,
                                CancellationToken.NONE));
        Random random = new Random(seed);
        int[] room = new int[cols];
        for (int j = 0; j < cols; j++) {
            room[j] = random.nextInt(3);
        }
        for (int i = 0; i < rows; i++) {
            assertThat(Recommender.topK(sparse, i, room, 5))
                    .containsExactly(Recommender.topK(in.matrix(), i, room, 5));
        }
    }

    /**
     * A cohort that falls apart into a large part (most mentors) and a small one, as the product's
     * do (a small language group): held sparse, the large part is solved in place, on the whole
     * problem's arrays, and the small one on a copy; the answer is the dense matrix's (whose parts
     * are all copied), and optimal with its certificate. Both parts scarce or not, on every family.
     */
    @Property(tries = 120)
    void aLargePartSolvedInPlaceGivesTheDenseAnswer(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 30) int rows,
            @ForAll @IntRange(min = 2, max = 24) int cols,
            @ForAll @IntRange(min = 1, max = 6) int smallRows,
            @ForAll @IntRange(min = 1, max = 3) int smallCols) {
        Instance large = InstanceFamilies.generate(family, seed, rows, cols);
        Instance small = InstanceFamilies.generate(family, seed + 1, smallRows, smallCols);
        // the small part first, so the large one's rows and mentors do not start at 0
        int n = rows + smallRows;
        int m = cols + smallCols;
        int[] s = new int[n * m];
        java.util.Arrays.fill(s, ScoreMatrix.FORBIDDEN);
        int[] cap = new int[m];
        for (int j = 0; j < smallCols; j++) {
            cap[j] = small.capacities().of(j);
            for (int i = 0; i < smallRows; i++) {
                s[i * m + j] = small.matrix().score(i, j);
            }
        }
        for (int j = 0; j < cols; j++) {
            cap[smallCols + j] = large.capacities().of(j);
            for (int i = 0; i < rows; i++) {
                s[(smallRows + i) * m + smallCols + j] = large.matrix().score(i, j);
            }
        }
        ScoreMatrix matrix = ScoreMatrix.wrap(n, m, s);
        Capacities capacities = Capacities.of(cap);
        SparseScores sparse = SparseScores.of(matrix);
        for (AssignmentSolver solver : List.of(SOLVER, NARROW)) {
            for (Objective objective : Objective.values()) {
                Assignment dense = Bounded.solve(solver, matrix, capacities, objective);
                Assignment got = Bounded.solve(solver, sparse, capacities, objective);
                assertThat(got.mentorOfMentee())
                        .as("%s %s %s", objective, large, small)
                        .containsExactly(dense.mentorOfMentee());
                assertThat(DualCertificate.proveOptimal(matrix, capacities, objective, got))
                        .as("%s %s %s", objective, large, small)
                        .isEmpty();
            }
        }
    }

    /** Rows taken out (mentees already paired) list no pair; the others keep theirs. */
    @Property(tries = 40)
    void rowsTakenOutListNothing(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 20) int rows,
            @ForAll @IntRange(min = 1, max = 20) int cols) {
        Instance in = InstanceFamilies.generate(Family.FORBIDDEN, seed, rows, cols);
        SparseScores sparse = SparseScores.of(in.matrix());
        Random random = new Random(seed);
        boolean[] leaving = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            leaving[i] = random.nextBoolean();
        }
        SparseScores left = sparse.withoutRows(leaving);
        for (int i = 0; i < rows; i++) {
            assertThat(left.anyAllowed(i)).isEqualTo(!leaving[i] && sparse.anyAllowed(i));
            for (int j = 0; j < cols; j++) {
                assertThat(left.score(i, j))
                        .isEqualTo(leaving[i] ? ScoreMatrix.FORBIDDEN : sparse.score(i, j));
            }
        }
    }

    @Example
    void sparseScoresRefuseABadShape() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                SparseScores.wrap(
                                        2,
                                        3,
                                        new int[] {0, 2, 3},
                                        new int[] {1, 1, 0},
                                        new int[] {5, 6, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0");
        SparseScores ok =
                SparseScores.wrap(
                        2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new int[] {5, 6, 7});
        assertThat(ok.score(0, 1)).isEqualTo(ScoreMatrix.FORBIDDEN);
        assertThat(ok.score(0, 2)).isEqualTo(6);
        assertThat(SOLVER.solve(ok, Capacities.of(1, 1, 1), Objective.TOTAL).mentorOfMentee())
                .containsExactly(2, 1);
    }

    /**
     * Candidate lists score exactly the pairs they name, as the dense scorer does, minus forbidden.
     */
    @Property(tries = 60)
    void candidateListsScoreTheirPairsAsTheMatrixDoes(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols) {
        Random random = new Random(seed);
        Profiles mentees = SampleProfiles.side(random.nextLong(), rows, 0, false);
        Profiles mentors = SampleProfiles.side(random.nextLong(), cols, rows, true);
        Scorer scorer = InstanceFamilies.scorer(random.nextLong(), mentees, mentors, 2);
        ScoreMatrix full = scorer.score();
        boolean[][] named = new boolean[rows][cols];
        int[][] lists = new int[rows][];
        for (int i = 0; i < rows; i++) {
            List<Integer> c = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                if (random.nextInt(3) > 0) {
                    c.add(j);
                    named[i][j] = true;
                }
            }
            lists[i] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        SparseScores sparse =
                scorer.scoreCandidates(
                        i -> lists[i], CancellationToken.NONE, ProgressListener.NONE);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int want = named[i][j] ? full.score(i, j) : ScoreMatrix.FORBIDDEN;
                assertThat(Math.max(ScoreMatrix.FORBIDDEN, sparse.score(i, j)))
                        .as("pair %d, %d", i, j)
                        .isEqualTo(Math.max(ScoreMatrix.FORBIDDEN, want));
            }
        }
        // every pair scored, the filter's refusals left out
        SparseScores allowed =
                scorer.scoreAllowed(
                        (i, j, score) -> (i + j) % 3 != 0 && score % 2 == 0,
                        CancellationToken.NONE,
                        ProgressListener.NONE);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int s = full.score(i, j);
                int want = s >= 0 && (i + j) % 3 != 0 && s % 2 == 0 ? s : ScoreMatrix.FORBIDDEN;
                assertThat(allowed.score(i, j)).as("pair %d, %d", i, j).isEqualTo(want);
            }
        }
    }

    /**
     * A minimum score applied in the scoring loop keeps the pairs, and flags the rows, that the
     * same minimum applied by a filter does, with and without a filter of the caller's own.
     */
    @Property(tries = 60)
    void aMinimumScoreKeepsAndFlagsAsAFilterDoes(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols,
            @ForAll @IntRange(min = 0, max = 400) int minimum,
            @ForAll boolean ownFilter) {
        Random random = new Random(seed);
        Profiles mentees = SampleProfiles.side(random.nextLong(), rows, 0, false);
        Profiles mentors = SampleProfiles.side(random.nextLong(), cols, rows, true);
        Scorer scorer = InstanceFamilies.scorer(random.nextLong(), mentees, mentors, 2);
        Scorer.PairFilter own = ownFilter ? (i, j, score) -> (i + j) % 3 != 0 : null;
        boolean[] filtered = new boolean[rows];
        SparseScores byFilter =
                scorer.scoreAllowed(
                        (i, j, score) -> {
                            if (own != null && !own.keep(i, j, score)) {
                                return false;
                            }
                            if (score < minimum) {
                                filtered[i] = true;
                                return false;
                            }
                            return true;
                        },
                        CancellationToken.NONE,
                        ProgressListener.NONE);
        boolean[] inLoop = new boolean[rows];
        SparseScores byMinimum =
                scorer.scoreAllowed(
                        minimum, own, inLoop, CancellationToken.NONE, ProgressListener.NONE);
        assertThat(byMinimum.start()).isEqualTo(byFilter.start());
        assertThat(byMinimum.col()).isEqualTo(byFilter.col());
        assertThat(byMinimum.score()).isEqualTo(byFilter.score());
        assertThat(inLoop).isEqualTo(filtered);
        ScoreMatrix full = scorer.score();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int s = full.score(i, j);
                boolean kept = s >= minimum && (own == null || own.keep(i, j, s));
                assertThat(byMinimum.score(i, j) >= 0).as("pair %d, %d", i, j).isEqualTo(kept);
            }
        }
    }
}
