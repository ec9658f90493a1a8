package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.InstanceFamilies.Family;
import io.tandem.matching.engine.InstanceFamilies.Instance;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The solver that holds only each mentee's best pairs and proves the rest by pricing: on every
 * family and objective it reaches the dense solver's optimum, and its dual holds on every pair of
 * the whole matrix, however few pairs it starts from.
 */
class PricingSolverTests {

    private static final AssignmentSolver DENSE = new AssignmentSolver(1);

    private static List<Long> comparable(Assignment a, Objective objective) {
        return switch (objective) {
            case TOTAL -> List.of(a.total(), (long) a.matched());
            case PARTICIPATION -> List.of((long) a.matched(), a.total());
            case FAIR -> List.of((long) a.matched(), (long) a.minScore().orElse(0), a.total());
        };
    }

    private static PricingSolver.Result priced(
            ScoreMatrix matrix, Capacities caps, Objective objective, int k, int minimum) {
        return priced(
                matrix,
                caps,
                objective,
                k,
                minimum,
                PricingSolver.DROPPED,
                PricingSolver.MENTOR_EXTRA);
    }

    private static PricingSolver.Result priced(
            ScoreMatrix matrix,
            Capacities caps,
            Objective objective,
            int k,
            int minimum,
            int dropped,
            int mentorExtra) {
        int m = matrix.cols();
        return Bounded.within(
                objective + " on " + matrix,
                token ->
                        new PricingSolver(k, 2, dropped, mentorExtra)
                                .solve(
                                        matrix.rows(),
                                        m,
                                        (i, out) -> {
                                            for (int j = 0; j < m; j++) {
                                                out[j] = matrix.score(i, j);
                                            }
                                        },
                                        caps,
                                        objective,
                                        minimum,
                                        token,
                                        ProgressListener.NONE));
    }

    /** The matrix with every pair below {@code minimum} forbidden. */
    private static ScoreMatrix atLeast(ScoreMatrix matrix, int minimum) {
        int n = matrix.rows();
        int m = matrix.cols();
        int[] s = new int[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int x = matrix.score(i, j);
                s[i * m + j] = x >= minimum ? x : ScoreMatrix.FORBIDDEN;
            }
        }
        return ScoreMatrix.wrap(n, m, s);
    }

    /**
     * The proof checked on every allowed pair of the whole matrix: prices never negative, no pair
     * above its mentee's and mentor's prices together, assigned pairs exactly at them, unmatched
     * mentees and mentors with room at 0, and the prices summing to the assignment's weight.
     */
    static void assertProves(
            ScoreMatrix matrix, Capacities caps, Assignment a, PricingSolver.Proof p) {
        int n = matrix.rows();
        int m = matrix.cols();
        int[] load = a.loads(m);
        long weight = 0;
        long dual = 0;
        for (int j = 0; j < m; j++) {
            assertThat(p.mentor()[j]).as("mentor %d's price", j).isNotNegative();
            if (load[j] < caps.of(j)) {
                assertThat(p.mentor()[j]).as("mentor %d has room", j).isZero();
            }
            dual += (long) caps.of(j) * p.mentor()[j];
        }
        for (int i = 0; i < n; i++) {
            assertThat(p.mentee()[i]).as("mentee %d's price", i).isNotNegative();
            dual += p.mentee()[i];
            int mine = a.mentorOf(i);
            if (mine < 0) {
                assertThat(p.mentee()[i]).as("unmatched mentee %d", i).isZero();
            } else {
                long w = p.alpha() * matrix.score(i, mine) + p.beta();
                weight += w;
                assertThat(p.mentee()[i] + p.mentor()[mine]).as("pair %d-%d", i, mine).isEqualTo(w);
            }
            for (int j = 0; j < m; j++) {
                int s = matrix.score(i, j);
                if (s >= p.floor() && caps.of(j) > 0) {
                    assertThat(p.mentee()[i] + p.mentor()[j])
                            .as("pair %d-%d scoring %d", i, j, s)
                            .isGreaterThanOrEqualTo(p.alpha() * s + p.beta());
                }
            }
        }
        assertThat(dual).as("dual = primal").isEqualTo(weight);
    }

    @Property(tries = 150)
    void reachesTheDenseOptimumWithAProofOnEveryPair(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 20) int cols,
            @ForAll @IntRange(min = 1, max = 5) int k,
            @ForAll @IntRange(min = 0, max = 3) int minimumStep,
            @ForAll @IntRange(min = 0, max = 3) int dropped,
            @ForAll @IntRange(min = -1, max = 2) int mentorExtra) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        int minimum = minimumStep * Math.max(0, in.matrix().maxScore()) / 4;
        ScoreMatrix allowed = atLeast(in.matrix(), minimum);
        for (Objective objective : Objective.values()) {
            Assignment want = Bounded.solve(DENSE, allowed, in.capacities(), objective);
            // 0 mentors checked pair by pair: the rows' bound alone decides
            // FAIR with no mentor's best pairs held (-1): its thresholds need the proof's pairs
            PricingSolver.Result got =
                    priced(
                            in.matrix(),
                            in.capacities(),
                            objective,
                            k,
                            minimum,
                            dropped,
                            mentorExtra);
            Assignment a = got.assignment();
            assertThat(a.isFeasible(allowed, in.capacities())).as("%s %s", objective, in).isTrue();
            assertThat(comparable(a, objective))
                    .as("%s k %d min %d %s", objective, k, minimum, in)
                    .isEqualTo(comparable(want, objective));
            assertThat(DualCertificate.proveOptimal(allowed, in.capacities(), objective, a))
                    .as("%s %s", objective, in)
                    .isEmpty();
            if (objective != Objective.FAIR) {
                assertProves(allowed, in.capacities(), a, got.proof());
            }
        }
    }

    @Property(tries = 30)
    void scoresFromTheScorerGiveTheDenseOptimum(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols,
            @ForAll @IntRange(min = 1, max = 8) int k) {
        assertScorerOptimum(
                seed, rows, cols, k, PricingSolver.DROPPED, List.of(Objective.values()));
    }

    /**
     * Larger cohorts from the {@code Scorer}, where few rows fail the first bound: they are scored
     * again on their own, against the first solve's prices, and from then on measured against those
     * prices (no mentor checked pair by pair); every pair of the whole matrix keeps the final dual.
     */
    @Property(tries = 12)
    void rowsScoredAgainKeepTheDualOnEveryPair(
            @ForAll long seed,
            @ForAll @IntRange(min = 200, max = 400) int rows,
            @ForAll @IntRange(min = 60, max = 120) int cols,
            @ForAll @IntRange(min = 4, max = 16) int k) {
        assertScorerOptimum(
                seed, rows, cols, k, 0, List.of(Objective.TOTAL, Objective.PARTICIPATION));
    }

    /**
     * Rows scored again on their own keep their best left-out value net of the prices they were
     * checked at, and are cleared by it in later rounds. Between rounds prices fall (a mentee loses
     * its place to a pair just added, a mentor's price drops): a pair of such a row that kept the
     * dual when it was checked can break it later, and only that measure, taken exactly, sends the
     * row to be scored again. One pair kept per mentee, at 100–300 × 20–80, makes many rows fail
     * the first bound but fewer than half of them (no pass over every row), round after round.
     */
    @Property(tries = 40)
    void rowsScoredAgainAreCheckedAgainAfterPricesFall(
            @ForAll Family family,
            @ForAll long seed,
            @ForAll @IntRange(min = 100, max = 300) int rows,
            @ForAll @IntRange(min = 20, max = 80) int cols,
            @ForAll @IntRange(min = 1, max = 2) int k,
            @ForAll @IntRange(min = 0, max = 2) int dropped) {
        Instance in = InstanceFamilies.generate(family, seed, rows, cols);
        for (Objective objective : List.of(Objective.TOTAL, Objective.PARTICIPATION)) {
            Assignment want = Bounded.solve(DENSE, in.matrix(), in.capacities(), objective);
            PricingSolver.Result got =
                    priced(in.matrix(), in.capacities(), objective, k, 0, dropped, -1);
            assertThat(comparable(got.assignment(), objective))
                    .as("%s k %d dropped %d %s", objective, k, dropped, in)
                    .isEqualTo(comparable(want, objective));
            assertProves(in.matrix(), in.capacities(), got.assignment(), got.proof());
        }
    }

    /**
     * Two instances of the above where it matters, fixed (one pair kept, no mentor checked pair by
     * pair): rows scored again in an early round have left-out pairs that the final dual would
     * break, had their net values not sent them to be scored again. On the first, a measure that
     * forgets what such a row left out ends 2 points short of the optimum; on the second, a measure
     * one score point too optimistic ends 1 point short.
     */
    @Example
    void rowsScoredAgainAreScoredOnceMoreWhenTheirPairsBreakALaterDual() {
        for (Instance in :
                List.of(
                        InstanceFamilies.generate(Family.UNIFORM, -4195943241061204684L, 257, 54),
                        InstanceFamilies.generate(
                                Family.DOMINANT, -4705482321177284104L, 101, 23))) {
            PricingSolver.Result got =
                    priced(in.matrix(), in.capacities(), Objective.TOTAL, 1, 0, 0, -1);
            Assignment want = Bounded.solve(DENSE, in.matrix(), in.capacities(), Objective.TOTAL);
            assertThat(got.rounds()).as("%s", in).isGreaterThan(2);
            assertThat(comparable(got.assignment(), Objective.TOTAL))
                    .as("%s", in)
                    .isEqualTo(comparable(want, Objective.TOTAL));
            assertProves(in.matrix(), in.capacities(), got.assignment(), got.proof());
        }
    }

    /** Family (f)'s rules from the {@code Scorer} itself: the dense optimum, with the proof. */
    private static void assertScorerOptimum(
            long seed, int rows, int cols, int k, int dropped, List<Objective> objectives) {
        Profiles mentees = SampleProfiles.side(seed, rows, 0, false);
        Profiles mentors = SampleProfiles.side(seed + 1, cols, rows, true);
        Scorer scorer = InstanceFamilies.scorer(seed + 2, mentees, mentors, 2);
        ScoreMatrix matrix = scorer.score();
        Capacities caps = Capacities.uniform(cols, 1 + (int) Math.floorMod(seed, 4L));
        for (Objective objective : objectives) {
            PricingSolver.Result got =
                    Bounded.within(
                            objective + " on the scorer",
                            token ->
                                    new PricingSolver(k, 2, dropped)
                                            .solve(
                                                    scorer,
                                                    caps,
                                                    objective,
                                                    0,
                                                    token,
                                                    ProgressListener.NONE));
            Assignment want = Bounded.solve(DENSE, matrix, caps, objective);
            assertThat(comparable(got.assignment(), objective))
                    .as("%s", objective)
                    .isEqualTo(comparable(want, objective));
            if (objective != Objective.FAIR) {
                assertProves(matrix, caps, got.assignment(), got.proof());
            }
        }
    }

    /**
     * Every mentee ties on its first choices and wants the same mentor most: one best pair each
     * cannot be enough, so the proof must score rows again and add pairs.
     */
    @Example
    void addsThePairsTheProofNeedsWhenTheListsAreTooShort() {
        int n = 6;
        int m = 4;
        int[] s = new int[n * m];
        for (int i = 0; i < n; i++) {
            s[i * m] = 10; // everyone's favourite, one place
            s[i * m + 1] = 7;
            s[i * m + 2] = 7; // a tie at the second score
            s[i * m + 3] = i == 0 ? ScoreMatrix.FORBIDDEN : 3;
        }
        ScoreMatrix matrix = ScoreMatrix.wrap(n, m, s);
        Capacities caps = Capacities.of(1, 1, 1, 2);
        PricingSolver.Result got = priced(matrix, caps, Objective.TOTAL, 1, 0);
        assertThat(got.rounds()).isGreaterThan(1);
        assertThat(got.rowsRescored()).isPositive();
        assertThat(got.pairsAdded()).isPositive();
        assertThat(got.assignment().total()).isEqualTo(10 + 7 + 7 + 3 + 3);
        assertThat(got.assignment().matched()).isEqualTo(5);
        assertProves(matrix, caps, got.assignment(), got.proof());
    }

    /**
     * Two pairs kept per row: mentor 1 is kept and mentor 2, tied with it at the second score, left
     * out (the lower column wins the tie); mentor 2's place is needed, so the proof must find it.
     */
    @Example
    void findsThePairLeftOutByATieAtTheKthScore() {
        int n = 6;
        int m = 4;
        int[] s = new int[n * m];
        for (int i = 0; i < n; i++) {
            s[i * m] = 10;
            s[i * m + 1] = 7;
            s[i * m + 2] = 7;
            s[i * m + 3] = i == 0 ? ScoreMatrix.FORBIDDEN : 3;
        }
        ScoreMatrix matrix = ScoreMatrix.wrap(n, m, s);
        Capacities caps = Capacities.of(1, 1, 1, 2);
        PricingSolver.Result got = priced(matrix, caps, Objective.TOTAL, 2, 0);
        assertThat(got.pairsAdded()).isPositive();
        assertThat(got.assignment().total()).isEqualTo(30);
        assertThat(got.assignment().matched()).isEqualTo(5);
        assertProves(matrix, caps, got.assignment(), got.proof());
    }

    /**
     * {@code FAIR} with one pair kept per row and no mentor's best mentees held: every row keeps
     * only mentor 0 (10 points), so the held pairs admit one pair; the threshold search's covers
     * must find the pairs left out, and the fair optimum needs the lowest of them (mentee 2 with
     * mentor 2 at 5, rather than mentee 1 with mentor 2 at 1, tied with mentee 0 at mentor 1).
     */
    @Example
    void fairFindsThePairsItsThresholdNeedsWhenOnlyTheBestAreKept() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{10, 9, 1}, {10, 9, 1}, {10, 1, 5}});
        Capacities caps = Capacities.uniform(3, 1);
        PricingSolver.Result got = priced(matrix, caps, Objective.FAIR, 1, 0, 0, -1);
        assertThat(got.rowsRescored()).isPositive();
        assertThat(got.pairsAdded()).isPositive();
        assertThat(got.assignment().matched()).isEqualTo(3);
        assertThat(got.assignment().minScore()).hasValue(5);
        assertThat(got.assignment().total()).isEqualTo(24);
        assertThat(DualCertificate.proveOptimal(matrix, caps, Objective.FAIR, got.assignment()))
                .isEmpty();
    }

    /**
     * The same with each mentor's best mentee held: mentor 1's (mentee 0 at 9) and mentor 2's
     * (mentee 2 at 5) come with the first pass, so the held pairs alone reach the maximum and the
     * threshold (the bound refuses anything above 5: mentor 2 has nobody better).
     */
    @Example
    void fairHoldsEachMentorsBestMentees() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{10, 9, 1}, {10, 9, 1}, {10, 1, 5}});
        Capacities caps = Capacities.uniform(3, 1);
        PricingSolver.Result got = priced(matrix, caps, Objective.FAIR, 1, 0, 0, 0);
        assertThat(got.assignment().matched()).isEqualTo(3);
        assertThat(got.assignment().minScore()).hasValue(5);
        assertThat(got.assignment().total()).isEqualTo(24);
    }

    /**
     * Every pair ties (scores of a few criteria do, by the hundred): 60 mentees for 20 mentors of
     * one place, 8 pairs kept per mentee. Broken by the lower column, every list named mentors 0–7,
     * the first solve matched 8 and most rows had to be scored again; spread over the mentors from
     * a column of each row's own, the lists fill every place, and the mentees left over price every
     * mentor at a full pair: the first dual proves the optimum with no row scored again.
     */
    @Example
    void tiedRowsKeepDifferentMentorsSoTheFirstListsProveTheOptimum() {
        int n = 60;
        int m = 20;
        int[] s = new int[n * m];
        java.util.Arrays.fill(s, 5);
        ScoreMatrix matrix = ScoreMatrix.wrap(n, m, s);
        Capacities caps = Capacities.uniform(m, 1);
        PricingSolver.Result got = priced(matrix, caps, Objective.TOTAL, 8, 0);
        assertThat(got.assignment().matched()).isEqualTo(m);
        assertThat(got.rowsRescored()).isZero();
        assertThat(got.rounds()).isEqualTo(1);
        assertProves(matrix, caps, got.assignment(), got.proof());
    }

    @Example
    void provesAtOnceWhenTheBestPairsAreEnough() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{9, 1, 0}, {1, 9, 0}, {0, 1, 9}});
        PricingSolver.Result got = priced(matrix, Capacities.uniform(3, 1), Objective.TOTAL, 1, 0);
        assertThat(got.rounds()).isEqualTo(1);
        assertThat(got.rowsRescored()).isZero();
        assertThat(got.pairsHeld()).isEqualTo(3);
        assertThat(got.assignment().total()).isEqualTo(27);
    }
}
