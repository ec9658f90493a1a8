package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.RandomInstances.Instance;
import io.tandem.matching.engine.StableMatcher.Proposer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StableMatcherTests {

    @Property(tries = 100)
    void leavesNoBlockingPairWithRankingsFromScores(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 50) int rows,
            @ForAll @IntRange(min = 1, max = 20) int cols) {
        Instance in = RandomInstances.random(seed, rows, cols, 10, 0.3, 3);
        Rankings rankings = Rankings.fromScores(in.matrix());
        for (Proposer proposer : Proposer.values()) {
            int[] mentorOf =
                    StableMatcher.match(
                            rankings, in.capacities(), proposer, CancellationToken.NONE);
            assertThat(
                            Assignment.of(in.matrix(), mentorOf)
                                    .isFeasible(in.matrix(), in.capacities()))
                    .isTrue();
            assertThat(BlockingPairs.count(rankings, in.capacities(), mentorOf)).isZero();
        }
    }

    @Property(tries = 100)
    void leavesNoBlockingPairWithEachSidesOwnRankings(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int mentees,
            @ForAll @IntRange(min = 1, max = 15) int mentors) {
        Random random = new Random(seed);
        int[][] menteeLists = new int[mentees][];
        for (int i = 0; i < mentees; i++) {
            menteeLists[i] = randomList(random, mentors);
        }
        int[][] mentorLists = new int[mentors][];
        for (int j = 0; j < mentors; j++) {
            mentorLists[j] = randomList(random, mentees);
        }
        Rankings rankings = Rankings.of(mentors, menteeLists, mentorLists);
        int[] cap = new int[mentors];
        for (int j = 0; j < mentors; j++) {
            cap[j] = random.nextInt(4);
        }
        Capacities capacities = Capacities.of(cap);
        for (Proposer proposer : Proposer.values()) {
            int[] mentorOf =
                    StableMatcher.match(rankings, capacities, proposer, CancellationToken.NONE);
            int[] load = new int[mentors];
            for (int i = 0; i < mentees; i++) {
                if (mentorOf[i] >= 0) {
                    assertThat(rankings.acceptable(i, mentorOf[i])).isTrue();
                    load[mentorOf[i]]++;
                }
            }
            for (int j = 0; j < mentors; j++) {
                assertThat(load[j]).isLessThanOrEqualTo(cap[j]);
            }
            assertThat(BlockingPairs.count(rankings, capacities, mentorOf)).isZero();
        }
    }

    /** A random subset of {@code 0..n-1} in random order. */
    private static int[] randomList(Random random, int n) {
        List<Integer> all = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            if (random.nextInt(5) > 0) {
                all.add(x);
            }
        }
        Collections.shuffle(all, random);
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    @Example
    void countsTheBlockingPairsOfAnUnstableAssignment() {
        // both mentees prefer mentor 0, who prefers mentee 0; mentee 0 got mentor 1
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{9, 1}, {5, 2}});
        Rankings rankings = Rankings.fromScores(matrix);
        Capacities one = Capacities.of(1, 1);
        assertThat(BlockingPairs.count(rankings, one, new int[] {1, 0})).isEqualTo(1);
        assertThat(BlockingPairs.count(rankings, one, new int[] {0, 1})).isZero();
        assertThat(StableMatcher.solve(matrix, one).mentorOfMentee()).containsExactly(0, 1);
    }

    @Example
    void menteeProposingFavoursMenteesAndMentorProposingFavoursMentors() {
        // mentees: 0 prefers A then B, 1 prefers B then A; mentors: A prefers 1, B prefers 0
        int[][] menteeLists = {{0, 1}, {1, 0}};
        int[][] mentorLists = {{1, 0}, {0, 1}};
        Rankings rankings = Rankings.of(2, menteeLists, mentorLists);
        Capacities one = Capacities.of(1, 1);
        assertThat(StableMatcher.match(rankings, one, Proposer.MENTEES, CancellationToken.NONE))
                .containsExactly(0, 1);
        assertThat(StableMatcher.match(rankings, one, Proposer.MENTORS, CancellationToken.NONE))
                .containsExactly(1, 0);
    }

    @Example
    void aMentorWithCapacityTwoHoldsItsTwoFavourites() {
        ScoreMatrix matrix = ScoreMatrix.of(new int[][] {{5, 1}, {7, 1}, {6, 1}});
        Assignment got = StableMatcher.solve(matrix, Capacities.of(2, 1));
        assertThat(got.mentorOfMentee()).containsExactly(1, 0, 0);
    }
}
