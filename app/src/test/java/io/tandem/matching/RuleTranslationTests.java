package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.matching.engine.OrgChart;
import io.tandem.people.PersonId;
import io.tandem.people.PersonStatus;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.programs.Criterion;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.RuleKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The program's rules in the engine's terms, and the rules the application checks itself. */
class RuleTranslationTests {

    private static final OrgChart NOBODY = OrgChart.of(new int[0]);

    @Test
    void softRulesBecomeWeightsAndTheMaximumIsTheirSum() {
        RuleTranslation t =
                RuleTranslation.of(
                        List.of(
                                soft(Criterion.SKILLS, RuleKind.OVERLAP, 40),
                                soft(Criterion.LOCATION, RuleKind.DIFFERENT, 20),
                                soft(Criterion.ASPIRATION, RuleKind.ASPIRATION, 15),
                                // A function interest counts as skills wanted: it adds to SKILLS.
                                soft(Criterion.FUNCTION, RuleKind.ASPIRATION, 5)),
                        NOBODY);

        assertThat(t.weights)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                io.tandem.matching.engine.Criterion.SKILLS, 45,
                                io.tandem.matching.engine.Criterion.DIFFERENT_LOCATION, 20,
                                io.tandem.matching.engine.Criterion.ASPIRED_DIVISION, 8,
                                io.tandem.matching.engine.Criterion.ASPIRED_LOCATION, 7));
        assertThat(t.maxPoints()).isEqualTo(80);
        assertThat(t.appRules).isEmpty();
        assertThat(t.preferredGap()).isNull();
    }

    @Test
    void aLevelPreferenceSetsThePreferredGap() {
        assertThat(
                        RuleTranslation.of(
                                        List.of(
                                                new MatchingRule(
                                                        Criterion.LEVEL,
                                                        RuleKind.SAME,
                                                        false,
                                                        10,
                                                        1)),
                                        NOBODY)
                                .preferredGap())
                .containsExactly(-1, 1);
        assertThat(
                        RuleTranslation.of(
                                        List.of(
                                                new MatchingRule(
                                                        Criterion.LEVEL,
                                                        RuleKind.MIN_LEVEL_GAP,
                                                        false,
                                                        10,
                                                        2)),
                                        NOBODY)
                                .preferredGap())
                .containsExactly(2, Integer.MAX_VALUE);
    }

    @Test
    void hardRulesTheEngineCannotCheckAreLeftToTheApplication() {
        MatchingRule sameFunction = hard(Criterion.FUNCTION, RuleKind.SAME);
        MatchingRule skillOverlap = hard(Criterion.SKILLS, RuleKind.OVERLAP);
        RuleTranslation t =
                RuleTranslation.of(
                        List.of(
                                hard(Criterion.DIVISION, RuleKind.DIFFERENT),
                                hard(Criterion.LANGUAGES, RuleKind.OVERLAP),
                                sameFunction,
                                skillOverlap),
                        NOBODY);

        assertThat(t.appRules).containsExactly(sameFunction, skillOverlap);
        assertThat(t.weights).isEmpty();
    }

    @Test
    void applicationRulesCompareIgnoringCaseAndPreferTheEnrolmentsOwnAnswers() {
        MatchingRule skillOverlap = hard(Criterion.SKILLS, RuleKind.OVERLAP);
        PersonSummary mentee = person("Sales", List.of("Negotiation"));
        PersonSummary mentor = person("Finance", List.of(" negotiation "));
        PersonSummary other = person("Sales", List.of("Java"));

        assertThat(AppRules.allows(skillOverlap, enrolment(List.of()), mentee, mentor)).isTrue();
        assertThat(AppRules.allows(skillOverlap, enrolment(List.of()), mentee, other)).isFalse();
        // What the mentee wrote when enrolling wins over their profile.
        assertThat(AppRules.allows(skillOverlap, enrolment(List.of("JAVA")), mentee, other))
                .isTrue();
        assertThat(
                        AppRules.allows(
                                hard(Criterion.DIVISION, RuleKind.SAME),
                                enrolment(List.of()),
                                mentee,
                                mentor))
                .isFalse();
        assertThat(
                        AppRules.allows(
                                hard(Criterion.DIVISION, RuleKind.SAME),
                                enrolment(List.of()),
                                mentee,
                                other))
                .isTrue();
    }

    private static MatchingRule soft(Criterion criterion, RuleKind kind, int weight) {
        return new MatchingRule(criterion, kind, false, weight, null);
    }

    private static MatchingRule hard(Criterion criterion, RuleKind kind) {
        return new MatchingRule(criterion, kind, true, 0, null);
    }

    private static PersonSummary person(String division, List<String> skills) {
        return new PersonSummary(
                new PersonId(UUID.randomUUID()),
                "E1",
                "a@example.com",
                "A",
                "B",
                "Engineer",
                3,
                division,
                "Engineering",
                "London",
                "Europe/London",
                WorkMode.REMOTE,
                null,
                PersonStatus.ACTIVE,
                List.of("English"),
                skills,
                skills,
                null,
                null,
                null);
    }

    private static EnrolmentView enrolment(List<String> skillsWanted) {
        return new EnrolmentView(
                null,
                null,
                null,
                "A B",
                "a@example.com",
                null,
                null,
                null,
                null,
                null,
                null,
                skillsWanted,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
