package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.matching.MatchRunView.Proposal;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Criterion;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RuleKind;
import io.tandem.programs.RulesManagement;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run solved by the priced solver (never holding every allowed pair) finds the same optimum as
 * one that scores every pair first, and shows the same: each pair's score, each unmatched mentee's
 * reason, the stats — on a program with an application-checked rule, a minimum score some mentees
 * cannot reach, pairs removed from an earlier run, mentees already paired by a published run,
 * mentors with few places left, and locked pairs.
 */
@TandemIntegrationTest
class PricedMatchRunIntegrationTests {

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired RulesManagement programRules;
    @Autowired MatchingManagement matching;
    @Autowired MatchRunner runner;
    @Autowired ActivePairs active;

    TestOrganisation org;
    ProgramView program;

    @BeforeEach
    void aProgramHalfPublishedWithRulesAndAMinimum() {
        org = organisations.create();
        int size = 600;
        // one person in 50 speaks no language anyone else does: no mentor is allowed for them
        String[] lines = MatchingBench.csv(size).split("\n");
        for (int i = 1; i < lines.length; i += 50) {
            lines[i] = lines[i].replace(",English,", ",Klingon,");
        }
        people.importCsv(
                org.id(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        List<PersonSummary> everyone = new ArrayList<>();
        for (int page = 0; everyone.size() < size; page++) {
            everyone.addAll(
                    people.search(org.id(), DirectoryQuery.all(), PageQuery.of(page, 100)).items());
        }
        program =
                programs.moveTo(
                        org.id(),
                        programs.create(org.id(), ProgramDraft.of("Priced", "CROSS_DIVISIONAL"))
                                .id(),
                        ProgramStatus.ENROLLING);
        // a rule the application checks itself, on top of the engine's
        List<MatchingRule> rules = new ArrayList<>(program.rules());
        rules.add(new MatchingRule(Criterion.WORK_MODE, RuleKind.SAME, true, 0, null));
        program = programRules.changeRules(org.id(), program.id(), rules, 0);
        Random random = new Random(11);
        for (int i = 0; i < everyone.size(); i++) {
            enrolling.enrol(
                    org.id(),
                    program.id(),
                    i % 3 == 0
                            ? Enrol.mentor(everyone.get(i).id(), 1 + random.nextInt(2))
                            : Enrol.of(everyone.get(i).id(), EnrolmentRole.MENTEE));
        }
        // a minimum a tenth of the mentees with any allowed mentor do not reach
        ScoredProgram all =
                runner.find(org.id(), program, List.of(), Objective.TOTAL, false).scored();
        int[] best = new int[all.mentees().size()];
        Arrays.fill(best, -1);
        for (int i = 0; i < best.length; i++) {
            for (int j = 0; j < all.mentors().size(); j++) {
                best[i] = Math.max(best[i], all.score(i, j));
            }
        }
        Arrays.sort(best);
        int feasible = 0;
        while (best[feasible] < 0) {
            feasible++;
        }
        int minimum = best[feasible + (best.length - feasible) / 10];
        program =
                programRules.changeMinimumScore(
                        org.id(), program.id(), minimum * 100 / all.maxPoints());
        // a first run: a few of its pairs removed (never proposed again), the rest published
        MatchRunView first =
                matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matching.status(org.id(), first.id()).finished());
        List<Proposal> pairs = matching.run(org.id(), first.id()).proposals();
        for (int p = 0; p < pairs.size(); p += 2) {
            matching.remove(org.id(), first.id(), pairs.get(p).menteeId());
        }
        matching.publish(org.id(), first.id());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> active.in(org.id(), program.id()).size() == pairs.size() / 2);
        program = programs.get(org.id(), program.id());
    }

    @Test
    void everyObjectiveFindsTheSameOptimumAndShowsTheSameAsScoringEveryPair() {
        for (Objective objective : Objective.values()) {
            MatchRunner.Found dense = runner.find(org.id(), program, List.of(), objective, false);
            // some of the dense run's pairs locked, as a program manager locks them
            List<Proposal> locked =
                    dense.outcome().proposals().stream()
                            .filter(p -> p.menteeId().value().hashCode() % 5 == 0)
                            .map(
                                    p ->
                                            new Proposal(
                                                    p.menteeId(),
                                                    p.mentorId(),
                                                    p.score(),
                                                    p.explanation(),
                                                    true,
                                                    false))
                            .toList();
            assertThat(locked).isNotEmpty();
            dense = runner.find(org.id(), program, locked, objective, false);
            MatchRunner.Found priced = runner.find(org.id(), program, locked, objective, true);

            assertThat(priced.scored().complete()).isFalse();
            assertThat(priced.scored().scores().pairs())
                    .as("pairs held")
                    .isLessThan(dense.scored().scores().pairs());
            assertThat(dense.scored().complete()).isTrue();
            assertThat(priced.assignment().total())
                    .as("%s: the sum of scores", objective)
                    .isEqualTo(dense.assignment().total());
            if (objective != Objective.TOTAL) {
                assertThat(priced.assignment().matched())
                        .as("%s: mentees matched", objective)
                        .isEqualTo(dense.assignment().matched());
            }
            if (objective == Objective.FAIR) {
                assertThat(priced.assignment().minScore())
                        .as("FAIR: the lowest score")
                        .isEqualTo(dense.assignment().minScore());
            }
            assertSameShown(objective, dense, priced);
        }
    }

    /** Each pair's score and explanation, each mentee's reason and the stats, path by path. */
    private static void assertSameShown(
            Objective objective, MatchRunner.Found dense, MatchRunner.Found priced) {
        ScoredProgram all = dense.scored();
        for (Proposal p : priced.outcome().proposals()) {
            int i = all.menteeIndex(p.menteeId());
            int j = all.mentorIndex(p.mentorId());
            assertThat(p.score()).as("%s: %s's score", objective, p).isEqualTo(all.score(i, j));
            assertThat(p.score()).isNotNegative();
            assertThat(p.explanation())
                    .isEqualTo(MatchRunner.contributions(all.scorer().explain(i, j)));
        }
        assertThat(locked(priced)).isEqualTo(locked(dense));
        // the reason every mentee would be given, matched or not, from what each path holds
        Map<UnmatchedReason, Integer> reasons = new EnumMap<>(UnmatchedReason.class);
        for (int i = 0; i < all.mentees().size(); i++) {
            UnmatchedReason expected = MatchRunner.unmatchedReason(all, i);
            assertThat(MatchRunner.unmatchedReason(priced.scored(), i))
                    .as("%s: mentee %d's reason", objective, i)
                    .isEqualTo(expected);
            reasons.merge(expected, 1, Integer::sum);
        }
        assertThat(reasons)
                .containsKeys(
                        UnmatchedReason.CAPACITY_EXHAUSTED,
                        UnmatchedReason.BELOW_MINIMUM_SCORE,
                        UnmatchedReason.NO_FEASIBLE_MENTOR);
        for (MatchRunView.Unmatched u : priced.outcome().unmatched()) {
            assertThat(u.reason())
                    .isEqualTo(MatchRunner.unmatchedReason(all, all.menteeIndex(u.menteeId())));
        }
        MatchRunView.Stats shown = priced.stats();
        assertThat(shown.totalScore()).isEqualTo(dense.stats().totalScore());
        assertThat(shown.total()).isEqualTo(dense.stats().total());
        assertThat(shown.maxScore()).isEqualTo(dense.stats().maxScore());
        if (objective != Objective.TOTAL) {
            assertThat(shown.matched()).isEqualTo(dense.stats().matched());
        }
    }

    private static Map<String, Integer> locked(MatchRunner.Found found) {
        return found.outcome().proposals().stream()
                .filter(Proposal::locked)
                .collect(Collectors.toMap(p -> p.menteeId().toString(), Proposal::score));
    }
}
