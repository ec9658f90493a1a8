package io.tandem.matching;

import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.Scorer;
import io.tandem.matching.engine.SparseScores;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramView;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A program scored for matching: row i is {@code mentees.get(i)}, column j is {@code
 * mentors.get(j)}; only the allowed pairs are held ({@link SparseScores}), so a large program never
 * holds its full score matrix. It answers the questions every way of matching asks — how good can a
 * pair be, is this pair allowed, and if not, why not — so that bulk runs, hand-made pairs,
 * recommendations and requests give the same answer.
 */
record ScoredProgram(
        ProgramView program,
        List<EnrolmentView> mentees,
        List<EnrolmentView> mentors,
        Map<PersonId, PersonSummary> people,
        Scorer scorer,
        SparseScores scores,
        Capacities capacities,
        Map<PersonId, Integer> menteeRows,
        Map<PersonId, Integer> mentorColumns,
        List<MatchingRule> appRules,
        int minimumPoints,
        BitSet rowsBelowMinimum) {

    /** Why a pair may not be proposed; resolved to text at the edge. */
    sealed interface Refusal {

        /** The pair breaks no hard rule but scores below the program's minimum. */
        record BelowMinimum(int score, int maxPoints, int minimumPoints, int minimumPercent)
                implements Refusal {}

        /** A hard rule the engine checks. */
        record EngineRule(HardRules.Rule rule) implements Refusal {}

        /** A hard rule of the program the application checks itself. */
        record ProgramRule(MatchingRule rule) implements Refusal {}

        /** The pair was removed from a run, or was paired before. */
        record Excluded() implements Refusal {}
    }

    /** The best score the program's weights can give a pair. */
    int maxPoints() {
        return scorer.weights().asMap().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether the pair breaks no hard rule but scores below the program's minimum. */
    boolean belowMinimum(int mentee, int mentor) {
        if (minimumPoints <= 0 || allowed(mentee, mentor)) {
            return false;
        }
        int score = scorer.score(mentee, mentor);
        return score >= 0
                && score < minimumPoints
                && AppRules.allowsAll(
                        appRules,
                        mentees.get(mentee),
                        people.get(mentees.get(mentee).personId()),
                        people.get(mentors.get(mentor).personId()));
    }

    /** Whether some mentor would be allowed for the mentee but for the minimum score. */
    boolean anyBelowMinimum(int mentee) {
        return rowsBelowMinimum.get(mentee);
    }

    /** The pair's score, negative when it may not be proposed. */
    int score(int mentee, int mentor) {
        return scores.score(mentee, mentor);
    }

    /** Whether the pair may be proposed at all. */
    boolean allowed(int mentee, int mentor) {
        return scores.score(mentee, mentor) >= 0;
    }

    /** Whether any mentor may be proposed to the mentee. */
    boolean anyAllowed(int mentee) {
        return scores.anyAllowed(mentee);
    }

    /** The mentee's row, or -1 when they are not an active mentee of the program. */
    int menteeIndex(PersonId person) {
        return menteeRows.getOrDefault(person, -1);
    }

    /** The mentor's column, or -1 when they are not an active mentor of the program. */
    int mentorIndex(PersonId person) {
        return mentorColumns.getOrDefault(person, -1);
    }

    /** Every reason the pair is refused; empty when it is allowed. */
    List<Refusal> refusals(int mentee, int mentor) {
        if (allowed(mentee, mentor)) {
            return List.of();
        }
        if (belowMinimum(mentee, mentor)) {
            return List.of(
                    new Refusal.BelowMinimum(
                            scorer.score(mentee, mentor),
                            maxPoints(),
                            minimumPoints,
                            program.minimumScore()));
        }
        List<Refusal> refusals = new ArrayList<>();
        for (HardRules.Rule rule : scorer.brokenRules(mentee, mentor)) {
            refusals.add(new Refusal.EngineRule(rule));
        }
        EnrolmentView enrolment = mentees.get(mentee);
        PersonSummary a = people.get(enrolment.personId());
        PersonSummary b = people.get(mentors.get(mentor).personId());
        for (MatchingRule rule : program.hardRules()) {
            if (!AppRules.allows(rule, enrolment, a, b)) {
                refusals.add(new Refusal.ProgramRule(rule));
            }
        }
        if (refusals.isEmpty()) {
            refusals.add(new Refusal.Excluded());
        }
        return refusals;
    }
}
