package io.tandem.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ScorerTests {

    private static Weights randomWeights(Random random) {
        Weights w = Weights.none();
        for (Criterion c : Criterion.values()) {
            w = w.with(c, random.nextInt(4) == 0 ? 0 : random.nextInt(1001));
        }
        return w;
    }

    @Property(tries = 40)
    void contributionsAddUpToTheScoreExactly(@ForAll long seed) {
        Random random = new Random(seed);
        Profiles mentees = SampleProfiles.side(seed, 30, 0, false);
        Profiles mentors = SampleProfiles.side(seed + 1, 20, 30, true);
        Scorer scorer =
                Scorer.builder(mentees, mentors)
                        .weights(randomWeights(random))
                        .preferredLevelGap(random.nextInt(3), 2 + random.nextInt(3))
                        .workdayMinutes(60 + random.nextInt(900))
                        .build();
        ScoreMatrix matrix = scorer.score();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 20; j++) {
                List<Explanation> why = scorer.explain(i, j);
                assertThat(why).hasSize(Criterion.values().length);
                assertThat(why.stream().mapToInt(Explanation::contribution).sum())
                        .isEqualTo(matrix.score(i, j));
                for (Explanation e : why) {
                    assertThat(e.value()).isBetween(0.0, 1.0);
                    assertThat((double) e.contribution())
                            .isCloseTo(
                                    e.weight() * e.value(),
                                    org.assertj.core.api.Assertions.within(0.5 + 1e-9));
                }
            }
        }
    }

    @Property(tries = 30)
    void forbiddenPairsScoreMinusOneAndNameTheRuleTheyBreak(@ForAll long seed) {
        Profiles mentees = SampleProfiles.side(seed, 40, 0, false);
        Profiles mentors = SampleProfiles.side(seed + 1, 25, 40, true);
        OrgChart chart = OrgChart.of(SampleProfiles.managers(seed, 65));
        HardRules rules =
                HardRules.builder()
                        .notInReportingChain(chart)
                        .differentDivision()
                        .commonLanguage()
                        .maxTimeZoneDistanceMinutes(300)
                        .levelGap(0, 5)
                        .exclude(3, 4)
                        .build(40);
        Scorer scorer =
                Scorer.builder(mentees, mentors)
                        .weights(SampleProfiles.weights())
                        .hardRules(rules)
                        .build();
        ScoreMatrix matrix = scorer.score();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 25; j++) {
                List<HardRules.Rule> broken = scorer.brokenRules(i, j);
                assertThat(matrix.score(i, j) < 0).isEqualTo(!broken.isEmpty());
                assertThat(rules.allows(mentees, i, mentors, j)).isEqualTo(broken.isEmpty());
                if (chart.inReportingChain(i, 40 + j)) {
                    assertThat(broken).contains(HardRules.Rule.REPORTING_CHAIN);
                }
            }
        }
        assertThat(scorer.brokenRules(3, 4)).contains(HardRules.Rule.EXCLUDED_PAIR);
    }

    @Example
    void refusesMentorInMenteesReportingChain() {
        // 0 manages 1, 1 manages 2; 3 is elsewhere
        OrgChart chart = OrgChart.of(new int[] {-1, 0, 1, -1});
        Profiles mentees = Profiles.builder(1, 1).person(0, 1).build();
        Profiles mentors =
                Profiles.builder(4, 1).person(0, 0).person(1, 2).person(2, 3).person(3, 1).build();
        Scorer scorer =
                Scorer.builder(mentees, mentors)
                        .weights(Weights.none().with(Criterion.LANGUAGE, 10))
                        .hardRules(HardRules.builder().notInReportingChain(chart).build(1))
                        .build();
        ScoreMatrix matrix = scorer.score();
        assertThat(matrix.score(0, 0)).as("manager").isEqualTo(ScoreMatrix.FORBIDDEN);
        assertThat(matrix.score(0, 1)).as("report").isEqualTo(ScoreMatrix.FORBIDDEN);
        assertThat(matrix.score(0, 2)).as("other tree").isNotNegative();
        assertThat(matrix.score(0, 3)).as("same person").isEqualTo(ScoreMatrix.FORBIDDEN);
        assertThat(scorer.brokenRules(0, 3)).contains(HardRules.Rule.SAME_PERSON);
    }

    @Property(tries = 50)
    void reportingChainMatchesWalkingUpTheManagers(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int people) {
        int[] manager = SampleProfiles.managers(seed, people);
        OrgChart chart = OrgChart.of(manager);
        for (int a = 0; a < people; a++) {
            for (int b = 0; b < people; b++) {
                boolean up = false;
                for (int x = b; x >= 0; x = manager[x]) {
                    up |= x == a;
                }
                assertThat(chart.isAncestorOrSelf(a, b)).isEqualTo(up);
            }
        }
    }

    @Example
    void rejectsAManagementCycle() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OrgChart.of(new int[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }

    @Example
    void explainsEachCriterion() {
        Profiles mentees =
                Profiles.builder(1, 10)
                        .skills(0, 1, 2, 3)
                        .division(0, 1)
                        .function(0, 2)
                        .location(0, 3)
                        .level(0, 2)
                        .workMode(0, WorkMode.FIELD)
                        .languages(0, 0, 5)
                        .utcOffsetMinutes(0, 60)
                        .aspiredDivision(0, 4)
                        .build();
        Profiles mentors =
                Profiles.builder(1, 10)
                        .skills(0, 2, 3, 9)
                        .division(0, 4)
                        .function(0, 2)
                        .location(0, 7)
                        .level(0, 4)
                        .workMode(0, WorkMode.HOME_OFFICE)
                        .languages(0, 5)
                        .utcOffsetMinutes(0, 180)
                        .build();
        Weights weights =
                Weights.none()
                        .with(Criterion.SKILLS, 300)
                        .with(Criterion.DIFFERENT_DIVISION, 100)
                        .with(Criterion.SAME_FUNCTION, 50)
                        .with(Criterion.ASPIRED_DIVISION, 70)
                        .with(Criterion.OPPOSITE_WORK_MODE, 40)
                        .with(Criterion.LEVEL_GAP, 30)
                        .with(Criterion.LANGUAGE, 20)
                        .with(Criterion.TIME_ZONE, 90);
        Scorer scorer = Scorer.builder(mentees, mentors).weights(weights).build();
        List<Explanation> why = scorer.explain(0, 0);
        assertThat(why)
                .contains(
                        new Explanation(Criterion.SKILLS, 300, 2.0 / 3, 200),
                        new Explanation(Criterion.DIFFERENT_DIVISION, 100, 1.0, 100),
                        new Explanation(Criterion.SAME_FUNCTION, 50, 1.0, 50),
                        new Explanation(Criterion.ASPIRED_DIVISION, 70, 1.0, 70),
                        new Explanation(Criterion.OPPOSITE_WORK_MODE, 40, 1.0, 40),
                        new Explanation(Criterion.LEVEL_GAP, 30, 1.0, 30),
                        new Explanation(Criterion.LANGUAGE, 20, 1.0, 20),
                        // 2 hours apart: 6 of 8 working hours overlap
                        new Explanation(Criterion.TIME_ZONE, 90, 0.75, 68));
        assertThat(scorer.score(0, 0)).isEqualTo(200 + 100 + 50 + 70 + 40 + 30 + 20 + 68);
    }

    @Example
    void scoresTheSameOnOneThreadAsOnTwo() {
        Profiles mentees = SampleProfiles.side(1, 700, 0, false);
        Profiles mentors = SampleProfiles.side(2, 90, 700, true);
        ScoreMatrix one =
                Scorer.builder(mentees, mentors)
                        .weights(SampleProfiles.weights())
                        .threads(1)
                        .build()
                        .score();
        ScoreMatrix two =
                Scorer.builder(mentees, mentors)
                        .weights(SampleProfiles.weights())
                        .threads(2)
                        .build()
                        .score();
        assertThat(one.array()).isEqualTo(two.array());
    }

    @Example
    void stopsScoringWhenCancelled() {
        Profiles mentees = SampleProfiles.side(1, 2000, 0, false);
        Profiles mentors = SampleProfiles.side(2, 300, 2000, true);
        CancellationToken token = new CancellationToken();
        token.cancel();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                Scorer.builder(mentees, mentors)
                                        .build()
                                        .score(token, ProgressListener.NONE))
                .isInstanceOf(CancelledException.class);
    }
}
