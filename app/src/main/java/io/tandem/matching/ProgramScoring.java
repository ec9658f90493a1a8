package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.engine.CancellationToken;
import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.Objective;
import io.tandem.matching.engine.OrgChart;
import io.tandem.matching.engine.PricingSolver;
import io.tandem.matching.engine.Profiles;
import io.tandem.matching.engine.ProgressListener;
import io.tandem.matching.engine.ScoreMatrix;
import io.tandem.matching.engine.Scorer;
import io.tandem.matching.engine.SparseScores;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ActiveCohort;
import io.tandem.programs.Criterion;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RuleKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Scores a program for matching: its rules ({@link RuleTranslation}), its active enrolments and the
 * people's profiles ({@link EngineProfiles}) go to the engine, which scores every (mentee, mentor)
 * pair row by row; the rules the engine cannot check ({@link AppRules}) and the program's minimum
 * score are applied as each pair is scored, and only the allowed pairs are kept.
 */
@Component
class ProgramScoring {

    private final PeopleManagement people;
    private final EnrolmentManagement enrolling;
    private final MatchRuns runs;
    private final MatchingProperties properties;
    private final Clock clock;

    ProgramScoring(
            PeopleManagement people,
            EnrolmentManagement enrolling,
            MatchRuns runs,
            MatchingProperties properties,
            Clock clock) {
        this.people = people;
        this.enrolling = enrolling;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Scores the program's active enrolments now, leaving out the pairs it excludes. */
    ScoredProgram score(OrganisationId organisation, ProgramView program) {
        return score(organisation, program, CancellationToken.NONE, ProgressListener.NONE);
    }

    /**
     * The program ready to answer for single pairs (a pair made by hand, a request), scoring each
     * pair it is asked about and nothing else: one person's question never scores every pair of a
     * large program.
     */
    ScoredProgram forPairs(OrganisationId organisation, ProgramView program) {
        return unscored(organisation, program, read(organisation, program));
    }

    ScoredProgram score(
            OrganisationId organisation,
            ProgramView program,
            CancellationToken token,
            ProgressListener progress) {
        return score(organisation, program, read(organisation, program), token, progress);
    }

    /**
     * What scoring reads from the database before it starts: the program's active cohort with the
     * people's profiles, and the pairs never to propose, as (mentee, mentor).
     */
    record Reading(ActiveCohort cohort, Set<List<PersonId>> excluded) {}

    Reading read(OrganisationId organisation, ProgramView program) {
        return new Reading(
                enrolling.activeCohort(organisation, program.id()),
                runs.excluded(organisation, program.id(), properties.excludePastPairs()));
    }

    ScoredProgram score(
            OrganisationId organisation,
            ProgramView program,
            Reading reading,
            CancellationToken token,
            ProgressListener progress) {
        ScoredProgram unscored = unscored(organisation, program, reading);
        int mentees = unscored.mentees().size();
        boolean[] belowMinimum = new boolean[mentees];
        SparseScores scores =
                unscored.scorer()
                        .scoreAllowed(
                                unscored.minimumPoints(),
                                allowed(unscored),
                                belowMinimum,
                                token,
                                progress);
        return unscored.holdingAll(scores, bits(belowMinimum));
    }

    /**
     * The program ready to score, holding no pair yet: every question about a pair or a row is
     * answered by scoring it (see {@link ScoredProgram}); {@link #priced} then holds what its solve
     * held.
     */
    ScoredProgram unscored(OrganisationId organisation, ProgramView program, Reading reading) {
        ActiveCohort cohort = reading.cohort();
        Set<List<PersonId>> excluded = reading.excluded();
        // The profiles the enrolments were read with: a 13,000-person program read once, not twice.
        // Inactive people never appear, whatever their enrolment says.
        Map<PersonId, PersonSummary> profiles = cohort.people();
        List<EnrolmentView> mentees = active(cohort.enrolments(), EnrolmentRole.MENTEE, profiles);
        List<EnrolmentView> mentors = active(cohort.enrolments(), EnrolmentRole.MENTOR, profiles);
        Map<PersonId, Integer> chartIndex = new HashMap<>();
        RuleTranslation rules =
                RuleTranslation.of(program.rules(), chart(organisation, chartIndex));
        Map<PersonId, Integer> menteeRows = index(mentees);
        Map<PersonId, Integer> mentorColumns = index(mentors);
        exclude(rules.hard, excluded, menteeRows, mentorColumns);
        Scorer scorer = scorer(sides(program, profiles, chartIndex, mentees, mentors), rules);
        int minimumPoints = (rules.maxPoints() * program.minimumScore() + 99) / 100;
        return new ScoredProgram(
                program,
                mentees,
                mentors,
                profiles,
                scorer,
                SparseScores.wrap(
                        mentees.size(),
                        mentors.size(),
                        new int[mentees.size() + 1],
                        new int[0],
                        new int[0]),
                false,
                capacities(mentors, program),
                menteeRows,
                mentorColumns,
                rules.appRules(),
                minimumPoints,
                new BitSet());
    }

    /**
     * The engine's optimum for the mentees not {@code leaving} and the mentors' {@code capacity}
     * left, found by {@link PricingSolver} straight from the scorer: it keeps each mentee's best
     * pairs, solves, and proves the result optimal against the pairs it never held, so a program of
     * any size is solved without holding every allowed pair. The same rules and minimum as {@link
     * #score}: the same optimum (ties may differ).
     *
     * @return the result and the program holding the pairs the solve held (not complete)
     */
    Priced priced(
            ScoredProgram unscored,
            boolean[] leaving,
            int[] capacity,
            Objective objective,
            CancellationToken token,
            ProgressListener progress) {
        Rows rows = new Rows(unscored, leaving, unscored.mentorPeople());
        PricingSolver.Result result =
                new PricingSolver()
                        .solve(
                                unscored.mentees().size(),
                                unscored.mentors().size(),
                                rows,
                                Capacities.of(capacity),
                                objective,
                                Math.max(0, unscored.minimumPoints()),
                                token,
                                progress);
        return new Priced(result, unscored.holding(result.held()));
    }

    /**
     * The program's pairs as the priced solver reads them: a mentee {@code leaving} has none, and a
     * single pair (the proof checks thousands) is scored alone, not with its row.
     */
    private record Rows(ScoredProgram program, boolean[] leaving, PersonSummary[] mentorPeople)
            implements PricingSolver.RowScorer {

        @Override
        public void scoreRow(int i, int[] out) {
            if (leaving[i]) {
                Arrays.fill(out, ScoreMatrix.FORBIDDEN);
            } else {
                program.scoreRow(i, out, mentorPeople);
            }
        }

        @Override
        public int score(int i, int j, int[] scratch) {
            return leaving[i] ? ScoreMatrix.FORBIDDEN : program.scorePair(i, j, mentorPeople);
        }
    }

    /** A priced solve's result, and the program holding the pairs it held. */
    record Priced(PricingSolver.Result result, ScoredProgram scored) {}

    /**
     * The app's own rules as the engine's pair filter, or null when the program has none: the
     * engine then applies the minimum score (pairs below it fit nobody's purpose: no run,
     * recommendation or request offers them) in its scoring loop, with no call per pair.
     */
    private static Scorer.PairFilter allowed(ScoredProgram unscored) {
        List<MatchingRule> appRules = unscored.appRules();
        if (appRules.isEmpty()) {
            return null;
        }
        List<EnrolmentView> mentees = unscored.mentees();
        PersonSummary[] menteePeople = people(mentees, unscored.people());
        PersonSummary[] mentorPeople = unscored.mentorPeople();
        return (i, j, score) ->
                AppRules.allowsAll(appRules, mentees.get(i), menteePeople[i], mentorPeople[j]);
    }

    private static BitSet bits(boolean[] flags) {
        BitSet bits = new BitSet(flags.length);
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static Capacities capacities(List<EnrolmentView> mentors, ProgramView program) {
        return Capacities.of(
                mentors.stream()
                        .mapToInt(
                                m ->
                                        Objects.requireNonNullElse(
                                                m.capacity(), program.defaultCapacity()))
                        .toArray());
    }

    /** Mentees' and mentors' profiles in the engine's terms. */
    private List<Profiles> sides(
            ProgramView program,
            Map<PersonId, PersonSummary> profiles,
            Map<PersonId, Integer> chartIndex,
            List<EnrolmentView> mentees,
            List<EnrolmentView> mentors) {
        return new EngineProfiles(profiles, chartIndex, functionInterest(program), clock.instant())
                .of(mentees, mentors);
    }

    /** Everyone's manager as an org chart; {@code index} receives each person's node. */
    private OrgChart chart(OrganisationId organisation, Map<PersonId, Integer> index) {
        Map<PersonId, PersonId> managers = people.managers(organisation);
        List<PersonId> everyone = new ArrayList<>(managers.keySet());
        for (int p = 0; p < everyone.size(); p++) {
            index.put(everyone.get(p), p);
        }
        int[] manager = new int[everyone.size()];
        for (int p = 0; p < everyone.size(); p++) {
            PersonId m = managers.get(everyone.get(p));
            manager[p] = m == null ? -1 : index.getOrDefault(m, -1);
        }
        return OrgChart.of(manager);
    }

    private static boolean functionInterest(ProgramView program) {
        return program.rules().stream()
                .anyMatch(
                        r ->
                                r.criterion() == Criterion.FUNCTION
                                        && r.kind() == RuleKind.ASPIRATION);
    }

    private static void exclude(
            HardRules.Builder hard,
            Set<List<PersonId>> excluded,
            Map<PersonId, Integer> menteeRows,
            Map<PersonId, Integer> mentorColumns) {
        for (List<PersonId> pair : excluded) {
            Integer i = menteeRows.get(pair.get(0));
            Integer j = mentorColumns.get(pair.get(1));
            if (i != null && j != null) {
                hard.exclude(i, j);
            }
        }
    }

    private static Scorer scorer(List<Profiles> sides, RuleTranslation rules) {
        Scorer.Builder builder =
                Scorer.builder(sides.get(0), sides.get(1))
                        .weights(rules.engineWeights())
                        .hardRules(rules.hard.build(sides.get(0).size()))
                        .workdayMinutes(RuleTranslation.WORKDAY_HOURS * 60)
                        .threads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        int[] gap = rules.preferredGap();
        if (gap != null) {
            builder.preferredLevelGap(gap[0], gap[1]);
        }
        return builder.build();
    }

    private static PersonSummary[] people(
            List<EnrolmentView> side, Map<PersonId, PersonSummary> profiles) {
        return side.stream().map(e -> profiles.get(e.personId())).toArray(PersonSummary[]::new);
    }

    private static Map<PersonId, Integer> index(List<EnrolmentView> side) {
        Map<PersonId, Integer> index = new HashMap<>();
        for (int i = 0; i < side.size(); i++) {
            index.put(side.get(i).personId(), i);
        }
        return index;
    }

    private static List<EnrolmentView> active(
            List<EnrolmentView> enrolments,
            EnrolmentRole role,
            Map<PersonId, PersonSummary> profiles) {
        return enrolments.stream()
                .filter(e -> e.role() == role)
                .filter(
                        e ->
                                profiles.containsKey(e.personId())
                                        && profiles.get(e.personId()).active())
                .sorted(Comparator.comparing(e -> e.personId().value()))
                .toList();
    }
}
