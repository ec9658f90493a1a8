package io.tandem.matching;

import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.ScoreMatrix;
import io.tandem.matching.engine.Scorer;
import io.tandem.matching.engine.SparseScores;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A program scored for matching: row i is {@code mentees.get(i)}, column j is {@code
 * mentors.get(j)}; only the allowed pairs are held ({@link SparseScores}), so a large program never
 * holds its full score matrix. It answers the questions every way of matching asks — how good can a
 * pair be, is this pair allowed, and if not, why not — so that bulk runs, hand-made pairs,
 * recommendations and requests give the same answer.
 *
 * <p>When {@code complete} is false, {@code scores} holds only some allowed pairs (a priced run's:
 * each mentee's best, see {@link ProgramScoring#priced}); a pair or row not held is scored again
 * when asked, with the same rules, so every answer is the same as with every allowed pair held.
 * {@code rowsBelowMinimum} is then unused.
 */
record ScoredProgram(
        ProgramView program,
        List<EnrolmentView> mentees,
        List<EnrolmentView> mentors,
        Map<PersonId, PersonSummary> people,
        Scorer scorer,
        SparseScores scores,
        boolean complete,
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

    /** The same program holding {@code held}, some of its allowed pairs (not complete). */
    ScoredProgram holding(SparseScores held) {
        return with(held, false, rowsBelowMinimum);
    }

    /**
     * The same program holding every allowed pair, {@code belowMinimum} marking the mentees with a
     * pair allowed but for the minimum score (complete).
     */
    ScoredProgram holdingAll(SparseScores every, BitSet belowMinimum) {
        return with(every, true, belowMinimum);
    }

    private ScoredProgram with(SparseScores held, boolean all, BitSet belowMinimum) {
        return new ScoredProgram(
                program,
                mentees,
                mentors,
                people,
                scorer,
                held,
                all,
                capacities,
                menteeRows,
                mentorColumns,
                appRules,
                minimumPoints,
                belowMinimum);
    }

    /** The same program holding the allowed pairs of the mentee's row: one mentee's choices. */
    ScoredProgram holdingRow(int mentee) {
        int[] row = new int[mentors.size()];
        scoreRow(mentee, row, mentorPeople());
        int threshold = threshold();
        int[] start = new int[mentees.size() + 1];
        int[] col = new int[row.length];
        int[] score = new int[row.length];
        int pairs = 0;
        for (int j = 0; j < row.length; j++) {
            if (row[j] >= threshold) {
                col[pairs] = j;
                score[pairs++] = row[j];
            }
        }
        Arrays.fill(start, mentee + 1, start.length, pairs);
        return holding(
                SparseScores.wrap(
                        mentees.size(),
                        mentors.size(),
                        start,
                        Arrays.copyOf(col, pairs),
                        Arrays.copyOf(score, pairs)));
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
        return score >= 0 && score < minimumPoints && passesAppRules(mentee, mentor);
    }

    /** Whether some mentor would be allowed for the mentee but for the minimum score. */
    boolean anyBelowMinimum(int mentee) {
        if (complete) {
            return rowsBelowMinimum.get(mentee);
        }
        return anyInRow(mentee, 0, threshold());
    }

    /** The pair's score, negative when it may not be proposed. */
    int score(int mentee, int mentor) {
        int held = scores.score(mentee, mentor);
        if (held >= 0 || complete) {
            return held;
        }
        int score = scorer.score(mentee, mentor);
        return score >= threshold() && passesAppRules(mentee, mentor)
                ? score
                : ScoreMatrix.FORBIDDEN;
    }

    /** Whether the pair may be proposed at all. */
    boolean allowed(int mentee, int mentor) {
        return score(mentee, mentor) >= 0;
    }

    /** Whether any mentor may be proposed to the mentee. */
    boolean anyAllowed(int mentee) {
        return scores.anyAllowed(mentee)
                || (!complete && anyInRow(mentee, threshold(), Integer.MAX_VALUE));
    }

    /**
     * The mentee's score for every mentor into {@code out}, {@link ScoreMatrix#FORBIDDEN} where a
     * pair breaks a rule the engine or the application checks; pairs below the minimum keep their
     * score (the solver drops them). Called from several threads.
     */
    void scoreRow(int mentee, int[] out, PersonSummary[] mentorPeople) {
        scorer.scoreRow(mentee, out, 0);
        if (appRules.isEmpty()) {
            return;
        }
        int threshold = threshold();
        EnrolmentView enrolment = mentees.get(mentee);
        PersonSummary a = people.get(enrolment.personId());
        for (int j = 0; j < out.length; j++) {
            // below the minimum a pair is dropped anyway: no rule is checked for it
            if (out[j] >= threshold
                    && !AppRules.allowsAll(appRules, enrolment, a, mentorPeople[j])) {
                out[j] = ScoreMatrix.FORBIDDEN;
            }
        }
    }

    /** One pair's score as {@link #scoreRow} gives it. */
    int scorePair(int mentee, int mentor, PersonSummary[] mentorPeople) {
        int score = scorer.score(mentee, mentor);
        if (score < threshold() || appRules.isEmpty()) {
            return score;
        }
        EnrolmentView enrolment = mentees.get(mentee);
        return AppRules.allowsAll(
                        appRules, enrolment, people.get(enrolment.personId()), mentorPeople[mentor])
                ? score
                : ScoreMatrix.FORBIDDEN;
    }

    /** The mentors' profiles, column by column, for {@link #scoreRow}. */
    PersonSummary[] mentorPeople() {
        return mentors.stream().map(e -> people.get(e.personId())).toArray(PersonSummary[]::new);
    }

    /** The lowest score a pair may be proposed with: forbidden pairs score below it. */
    private int threshold() {
        return Math.max(0, minimumPoints);
    }

    /** Whether the mentee's row, scored again, has a pair the rules allow scoring in [from, to). */
    private boolean anyInRow(int mentee, int from, int to) {
        int[] row = new int[mentors.size()];
        scorer.scoreRow(mentee, row, 0);
        for (int j = 0; j < row.length; j++) {
            if (row[j] >= from && row[j] < to && passesAppRules(mentee, j)) {
                return true;
            }
        }
        return false;
    }

    private boolean passesAppRules(int mentee, int mentor) {
        return AppRules.allowsAll(
                appRules,
                mentees.get(mentee),
                people.get(mentees.get(mentee).personId()),
                people.get(mentors.get(mentor).personId()));
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
