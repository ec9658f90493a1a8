package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.matching.engine.RandomInstances.Instance;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AssignmentSolverTests {

    private static final AssignmentSolver SOLVER = new AssignmentSolver(1);

    /** One candidate per mentee: forces the pricing loop to add pairs and solve again. */
    private static final AssignmentSolver NARROW = new AssignmentSolver(2, 1, 0);

    /** Collapses identical rows and columns whenever any row repeats: the transportation path. */
    private static final AssignmentSolver COLLAPSING = new AssignmentSolver(1, 32, 1);

    private static BruteForce.Best figures(Assignment a) {
        return new BruteForce.Best(a.total(), a.matched(), a.minScore().orElse(0));
    }

    /** The figures an objective ranks by: ties on the rest may be broken either way. */
    private static List<Long> comparable(Assignment a, Objective objective) {
        return switch (objective) {
            case TOTAL -> List.of(a.total());
            case PARTICIPATION -> List.of((long) a.matched(), a.total());
            case FAIR -> List.of((long) a.matched(), (long) a.minScore().orElse(0), a.total());
        };
    }

    /** OR-tools' optimum, or {@code null} where its native library does not load. */
    private static Assignment reference(
            ScoreMatrix matrix, Capacities capacities, Objective objective) {
        return OrToolsReference.available()
                ? OrToolsReference.solve(matrix, capacities, objective)
                : null;
    }

    /**
     * Equal to OR-tools' optimum on what the objective ranks by; without OR-tools' natives, the
     * dual certificate proves the optimum instead, so the property still runs.
     */
    private static void assertOptimal(
            ScoreMatrix matrix,
            Capacities capacities,
            Objective objective,
            Assignment got,
            Assignment expected) {
        if (expected != null) {
            assertThat(comparable(got, objective))
                    .as("%s %s", objective, matrix)
                    .isEqualTo(comparable(expected, objective));
        } else {
            assertThat(DualCertificate.proveOptimal(matrix, capacities, objective, got))
                    .as("%s %s", objective, matrix)
                    .isEmpty();
        }
    }

    @Property(tries = 1000)
    void matchesBruteForceOnTinyInstances(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 4) int cols,
            @ForAll @IntRange(min = 0, max = 9) int maxScore) {
        Instance in = RandomInstances.random(seed, rows, cols, maxScore, 0.3, 2);
        for (Objective objective : Objective.values()) {
            BruteForce.Best expected = BruteForce.best(in.matrix(), in.capacities(), objective);
            for (AssignmentSolver solver : List.of(SOLVER, NARROW, COLLAPSING)) {
                Assignment got = Bounded.solve(solver, in.matrix(), in.capacities(), objective);
                assertThat(got.isFeasible(in.matrix(), in.capacities())).isTrue();
                BruteForce.Best actual = figures(got);
                switch (objective) {
                    case TOTAL ->
                            assertThat(actual.total())
                                    .as("%s", in.matrix())
                                    .isEqualTo(expected.total());
                    case PARTICIPATION ->
                            assertThat(List.of(actual.matched(), actual.total()))
                                    .as("%s %s", objective, in.matrix())
                                    .isEqualTo(List.of(expected.matched(), expected.total()));
                    case FAIR -> assertThat(actual).as("%s", in.matrix()).isEqualTo(expected);
                }
            }
        }
    }

    @Property(tries = 200)
    void matchesOrToolsOnRandomInstancesWithTiesForbiddenPairsAndScarceCapacity(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 25) int cols,
            @ForAll @IntRange(min = 0, max = 20) int maxScore,
            @ForAll @IntRange(min = 0, max = 90) int forbiddenPercent,
            @ForAll @IntRange(min = 0, max = 4) int maxCapacity) {
        Instance in =
                RandomInstances.random(
                        seed, rows, cols, maxScore, forbiddenPercent / 100.0, maxCapacity);
        for (Objective objective : Objective.values()) {
            Assignment expected = reference(in.matrix(), in.capacities(), objective);
            for (AssignmentSolver solver : List.of(SOLVER, NARROW, COLLAPSING)) {
                Assignment got = Bounded.solve(solver, in.matrix(), in.capacities(), objective);
                assertThat(got.isFeasible(in.matrix(), in.capacities())).isTrue();
                assertOptimal(in.matrix(), in.capacities(), objective, got, expected);
            }
        }
    }

    @Property(tries = 10)
    void matchesOrToolsOnMediumDenseInstances(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int capacity) {
        ScoreMatrix matrix = RandomInstances.uniform(seed, 400, 120, 1000);
        Capacities capacities = Capacities.uniform(120, capacity);
        for (Objective objective : Objective.values()) {
            Assignment expected = reference(matrix, capacities, objective);
            Assignment got =
                    Bounded.solve(new AssignmentSolver(2, 4), matrix, capacities, objective);
            assertOptimal(matrix, capacities, objective, got, expected);
        }
    }

    @Property(tries = 15)
    void matchesOrToolsWhenEveryoneWantsTheSameFewMentors(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int capacity) {
        // a mentor's popularity dominates the score: every mentee's top list names the same few
        java.util.Random random = new java.util.Random(seed);
        int rows = 300;
        int cols = 90;
        int[] scores = new int[rows * cols];
        for (int k = 0; k < scores.length; k++) {
            int j = k % cols;
            scores[k] = random.nextInt(10) == 0 ? -1 : (j * 37) % 90 * 10 + random.nextInt(20);
        }
        ScoreMatrix matrix = ScoreMatrix.wrap(rows, cols, scores);
        Capacities capacities = Capacities.uniform(cols, capacity);
        for (Objective objective : Objective.values()) {
            Assignment expected = reference(matrix, capacities, objective);
            for (AssignmentSolver solver : List.of(new AssignmentSolver(2, 4), NARROW)) {
                Assignment got = Bounded.solve(solver, matrix, capacities, objective);
                assertThat(got.isFeasible(matrix, capacities)).isTrue();
                assertOptimal(matrix, capacities, objective, got, expected);
            }
        }
    }

    @Property(tries = 100)
    void neverExceedsCapacityNorUsesForbiddenPairs(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int rows,
            @ForAll @IntRange(min = 0, max = 15) int cols,
            @ForAll @IntRange(min = 0, max = 3) int maxCapacity) {
        Instance in = RandomInstances.random(seed, rows, cols, 50, 0.5, maxCapacity);
        for (Objective objective : Objective.values()) {
            Assignment got = Bounded.solve(NARROW, in.matrix(), in.capacities(), objective);
            int[] loads = got.loads(cols);
            for (int j = 0; j < cols; j++) {
                assertThat(loads[j]).isLessThanOrEqualTo(in.capacities().of(j));
            }
            for (int i = 0; i < rows; i++) {
                if (got.mentorOf(i) >= 0) {
                    assertThat(in.matrix().score(i, got.mentorOf(i))).isNotNegative();
                }
            }
        }
    }

    @Property(tries = 100)
    void greedyNeverBeatsTheOptimum(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 15) int cols) {
        Instance in = RandomInstances.random(seed, rows, cols, 30, 0.3, 3);
        Assignment greedy = GreedyMatcher.solve(in.matrix(), in.capacities());
        Assignment optimal = Bounded.solve(SOLVER, in.matrix(), in.capacities(), Objective.TOTAL);
        assertThat(greedy.isFeasible(in.matrix(), in.capacities())).isTrue();
        assertThat(greedy.total()).isLessThanOrEqualTo(optimal.total());
        Assignment participation =
                Bounded.solve(SOLVER, in.matrix(), in.capacities(), Objective.PARTICIPATION);
        assertThat(greedy.matched()).isLessThanOrEqualTo(participation.matched());
    }

    @Property(tries = 50)
    void fairRaisesTheLowestScoreWithoutLosingParticipants(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 15) int cols) {
        Instance in = RandomInstances.random(seed, rows, cols, 100, 0.3, 3);
        Assignment participation =
                Bounded.solve(SOLVER, in.matrix(), in.capacities(), Objective.PARTICIPATION);
        Assignment fair = Bounded.solve(SOLVER, in.matrix(), in.capacities(), Objective.FAIR);
        assertThat(fair.matched()).isEqualTo(participation.matched());
        assertThat(fair.minScore().orElse(0))
                .isGreaterThanOrEqualTo(participation.minScore().orElse(0));
        assertThat(fair.total()).isLessThanOrEqualTo(participation.total());
    }

    @Example
    void aSolveThatOverrunsItsDeadlineFailsInsteadOfHanging() {
        ScoreMatrix matrix = RandomInstances.uniform(3, 4_000, 1_200, 1000);
        assertThatThrownBy(
                        () ->
                                Bounded.solve(
                                        SOLVER,
                                        matrix,
                                        Capacities.uniform(1_200, 4),
                                        Objective.FAIR,
                                        java.time.Duration.ofMillis(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within");
    }

    @Example
    void isDeterministic() {
        ScoreMatrix matrix = RandomInstances.uniform(7, 300, 80, 5);
        Capacities capacities = Capacities.uniform(80, 3);
        for (Objective objective : Objective.values()) {
            Assignment a = new AssignmentSolver(1).solve(matrix, capacities, objective);
            Assignment b = new AssignmentSolver(2).solve(matrix, capacities, objective);
            assertThat(a).isEqualTo(b);
        }
    }

    @Example
    void prefersSpreadingToTheBestPairWhenTotalIsHigher() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{10, 9}, {10, 1}});
        Assignment got = SOLVER.solve(matrix, Capacities.of(1, 1), Objective.TOTAL);
        assertThat(got.mentorOfMentee()).containsExactly(1, 0);
        assertThat(got.total()).isEqualTo(19);
    }

    @Example
    void participationMatchesEveryoneEvenAtALowerTotal() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{10, 1}, {8, -1}});
        Capacities one = Capacities.of(1, 1);
        Assignment total = SOLVER.solve(matrix, one, Objective.TOTAL);
        assertThat(total.mentorOfMentee()).containsExactly(0, -1);
        assertThat(total.total()).isEqualTo(10);
        Assignment got = SOLVER.solve(matrix, one, Objective.PARTICIPATION);
        assertThat(got.mentorOfMentee()).containsExactly(1, 0);
        assertThat(got.total()).isEqualTo(9);
    }

    @Example
    void fairTradesTotalForTheWorstOffPair() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{100, 50}, {40, 5}});
        Capacities one = Capacities.of(1, 1);
        assertThat(SOLVER.solve(matrix, one, Objective.TOTAL).mentorOfMentee())
                .containsExactly(0, 1);
        Assignment fair = SOLVER.solve(matrix, one, Objective.FAIR);
        assertThat(fair.mentorOfMentee()).containsExactly(1, 0);
        assertThat(fair.minScore()).hasValue(40);
    }

    /**
     * FAIR's final solve tries the largest sum at its threshold first; here that sum (mentee 0 with
     * mentor 0 alone) has fewer pairs than the maximum, so FAIR must still pair both.
     */
    @Example
    void fairKeepsEveryoneWhereTheLargestSumAtItsThresholdPairsFewer() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{10, 1}, {1, ScoreMatrix.FORBIDDEN}});
        for (AssignmentSolver solver : List.of(SOLVER, NARROW, COLLAPSING)) {
            Assignment fair = solver.solve(matrix, Capacities.of(1, 1), Objective.FAIR);
            assertThat(fair.mentorOfMentee()).containsExactly(1, 0);
            assertThat(fair.minScore()).hasValue(1);
        }
    }

    @Example
    void leavesEveryoneUnmatchedWhenEveryPairIsForbidden() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{-1, -1}, {-1, -1}});
        for (Objective objective : Objective.values()) {
            Assignment got = SOLVER.solve(matrix, Capacities.of(1, 1), objective);
            assertThat(got.matched()).isZero();
            assertThat(got.minScore()).isEmpty();
        }
    }

    @Example
    void stopsWhenCancelled() {
        ScoreMatrix matrix = RandomInstances.uniform(3, 2000, 500, 1000);
        CancellationToken token = new CancellationToken();
        List<Double> progress = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                new AssignmentSolver(1)
                                        .solve(
                                                matrix,
                                                Capacities.uniform(500, 4),
                                                Objective.FAIR,
                                                token,
                                                fraction -> {
                                                    progress.add(fraction);
                                                    if (fraction > 0.2) {
                                                        token.cancel();
                                                    }
                                                }))
                .isInstanceOf(CancelledException.class);
        assertThat(progress).isNotEmpty().isSorted();
    }

    @Example
    void reportsProgressUpToOne() {
        ScoreMatrix matrix = RandomInstances.uniform(5, 500, 100, 1000);
        List<Double> progress = new ArrayList<>();
        new AssignmentSolver(1)
                .solve(
                        matrix,
                        Capacities.uniform(100, 4),
                        Objective.FAIR,
                        CancellationToken.NONE,
                        progress::add);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }
}
