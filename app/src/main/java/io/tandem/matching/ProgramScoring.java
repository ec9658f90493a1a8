package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.matching.engine.CancellationToken;
import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.OrgChart;
import io.tandem.matching.engine.Profiles;
import io.tandem.matching.engine.ProgressListener;
import io.tandem.matching.engine.ScoreMatrix;
import io.tandem.matching.engine.Scorer;
import io.tandem.matching.engine.Weights;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkMode;
import io.tandem.programs.Criterion;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramView;
import io.tandem.programs.RuleKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a program's rules, its active enrolments and the people's profiles into the engine's
 * profiles, hard rules and weights, and scores every (mentee, mentor) pair.
 */
@Component
class ProgramScoring {

    /** The scored program: row i is {@code mentees.get(i)}, column j is {@code mentors.get(j)}. */
    record Scored(
            List<EnrolmentView> mentees,
            List<EnrolmentView> mentors,
            Map<PersonId, PersonSummary> people,
            Scorer scorer,
            ScoreMatrix matrix,
            Capacities capacities,
            Map<PersonId, Integer> menteeRows,
            Map<PersonId, Integer> mentorColumns,
            int minimumPoints,
            BitSet belowMinimum) {

        /** Whether the pair breaks no hard rule but scores below the program's minimum. */
        boolean belowMinimum(int mentee, int mentor) {
            return belowMinimum.get(mentee * mentors.size() + mentor);
        }

        /** Whether some mentor would be allowed for the mentee but for the minimum score. */
        boolean anyBelowMinimum(int mentee) {
            int from = mentee * mentors.size();
            int next = belowMinimum.nextSetBit(from);
            return next >= 0 && next < from + mentors.size();
        }

        /** The best score the rules can give. */
        int maxPoints() {
            return scorer.weights().asMap().values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The mentee's row, or -1 when they are not an active mentee of the program. */
        int menteeIndex(PersonId person) {
            return menteeRows.getOrDefault(person, -1);
        }

        /** The mentor's column, or -1 when they are not an active mentor of the program. */
        int mentorIndex(PersonId person) {
            return mentorColumns.getOrDefault(person, -1);
        }
    }

    private static final int WORKDAY_HOURS = 8;

    private final PeopleManagement people;

    ProgramScoring(PeopleManagement people) {
        this.people = people;
    }

    /**
     * @param excluded pairs never to propose, as (mentee, mentor)
     */
    Scored score(
            OrganisationId organisation,
            ProgramView program,
            List<EnrolmentView> enrolments,
            Set<List<PersonId>> excluded,
            CancellationToken token,
            ProgressListener progress) {
        Map<PersonId, PersonSummary> profiles =
                people.findAll(
                        organisation, enrolments.stream().map(EnrolmentView::personId).toList());
        // Inactive people never appear, whatever their enrolment says.
        List<EnrolmentView> mentees = active(enrolments, EnrolmentRole.MENTEE, profiles);
        List<EnrolmentView> mentors = active(enrolments, EnrolmentRole.MENTOR, profiles);

        Codes divisions = new Codes();
        Codes functions = new Codes();
        Codes locations = new Codes();
        Codes languages = new Codes();
        Codes skills = new Codes();
        boolean functionInterest =
                program.rules().stream()
                        .anyMatch(
                                r ->
                                        r.criterion() == Criterion.FUNCTION
                                                && r.kind() == RuleKind.ASPIRATION);
        Map<PersonId, Integer> chartIndex = new HashMap<>();
        Map<PersonId, PersonId> managers = people.managers(organisation);
        List<PersonId> everyone = new ArrayList<>(managers.keySet());
        for (int p = 0; p < everyone.size(); p++) {
            chartIndex.put(everyone.get(p), p);
        }
        int[] manager = new int[everyone.size()];
        for (int p = 0; p < everyone.size(); p++) {
            PersonId m = managers.get(everyone.get(p));
            manager[p] = m == null ? -1 : chartIndex.getOrDefault(m, -1);
        }
        OrgChart chart = OrgChart.of(manager);

        // Skill codes first, so the builders know how many there are.
        for (EnrolmentView e : mentees) {
            wanted(e, profiles).forEach(skills::code);
        }
        for (EnrolmentView e : mentors) {
            offered(e, profiles, functionInterest).forEach(skills::code);
        }
        Profiles menteeProfiles =
                profiles(
                        mentees,
                        profiles,
                        true,
                        functionInterest,
                        chartIndex,
                        divisions,
                        functions,
                        locations,
                        languages,
                        skills);
        Profiles mentorProfiles =
                profiles(
                        mentors,
                        profiles,
                        false,
                        functionInterest,
                        chartIndex,
                        divisions,
                        functions,
                        locations,
                        languages,
                        skills);

        HardRules.Builder hard = HardRules.builder();
        Map<io.tandem.matching.engine.Criterion, Integer> weights =
                new EnumMap<>(io.tandem.matching.engine.Criterion.class);
        int[] preferredGap = {Integer.MIN_VALUE, Integer.MAX_VALUE};
        List<MatchingRule> appRules = new ArrayList<>();
        for (MatchingRule rule : program.rules()) {
            if (rule.hard()) {
                if (!hard(rule, hard, chart)) {
                    appRules.add(rule);
                }
            } else {
                soft(rule, weights, preferredGap);
            }
        }
        // Whatever the program's rules say, nobody is paired inside their own reporting line.
        hard.notInReportingChain(chart);
        Map<PersonId, Integer> menteeIndex = index(mentees);
        Map<PersonId, Integer> mentorIndex = index(mentors);
        for (List<PersonId> pair : excluded) {
            Integer i = menteeIndex.get(pair.get(0));
            Integer j = mentorIndex.get(pair.get(1));
            if (i != null && j != null) {
                hard.exclude(i, j);
            }
        }
        Scorer.Builder builder =
                Scorer.builder(menteeProfiles, mentorProfiles)
                        .weights(Weights.of(weights))
                        .hardRules(hard.build(mentees.size()))
                        .workdayMinutes(WORKDAY_HOURS * 60)
                        .threads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (preferredGap[0] != Integer.MIN_VALUE) {
            builder.preferredLevelGap(preferredGap[0], preferredGap[1]);
        }
        Scorer scorer = builder.build();
        ScoreMatrix matrix = scorer.score(token, progress);
        applyAppRules(appRules, matrix, mentees, mentors, profiles);
        int maxPoints = weights.values().stream().mapToInt(Integer::intValue).sum();
        int minimumPoints = (maxPoints * program.minimumScore() + 99) / 100;
        BitSet belowMinimum = applyMinimum(matrix, minimumPoints);
        int[] capacity =
                mentors.stream()
                        .mapToInt(
                                m ->
                                        Objects.requireNonNullElse(
                                                m.capacity(), program.defaultCapacity()))
                        .toArray();
        return new Scored(
                mentees,
                mentors,
                profiles,
                scorer,
                matrix,
                Capacities.of(capacity),
                menteeIndex,
                mentorIndex,
                minimumPoints,
                belowMinimum);
    }

    /**
     * Forbids the pairs that score below the minimum, so no run, recommendation or request offers a
     * pair that fits nobody's purpose; returns which ones, to tell them from hard-rule refusals.
     */
    private static BitSet applyMinimum(ScoreMatrix matrix, int minimumPoints) {
        BitSet below = new BitSet();
        if (minimumPoints <= 0) {
            return below;
        }
        int[] scores = matrix.array();
        for (int k = 0; k < scores.length; k++) {
            if (scores[k] >= 0 && scores[k] < minimumPoints) {
                scores[k] = ScoreMatrix.FORBIDDEN;
                below.set(k);
            }
        }
        return below;
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
                .sorted(java.util.Comparator.comparing(e -> e.personId().value()))
                .toList();
    }

    /** Applies a hard rule the engine knows; false when the app must apply it itself. */
    private static boolean hard(MatchingRule rule, HardRules.Builder hard, OrgChart chart) {
        int parameter = rule.parameter() == null ? 0 : rule.parameter();
        switch (rule.kind()) {
            case NOT_IN_REPORTING_CHAIN -> hard.notInReportingChain(chart);
            case DIFFERENT -> {
                switch (rule.criterion()) {
                    case DIVISION -> hard.differentDivision();
                    case FUNCTION -> hard.differentFunction();
                    case LOCATION -> hard.differentLocation();
                    default -> {
                        return false;
                    }
                }
            }
            case OPPOSITE_WORK_MODE -> hard.oppositeWorkMode();
            case MIN_LEVEL_GAP -> hard.levelGap(parameter, Integer.MAX_VALUE);
            case MENTOR_LEVEL_AT_LEAST -> hard.minMentorLevel(parameter);
            case OVERLAP -> {
                switch (rule.criterion()) {
                    case LANGUAGES -> hard.commonLanguage();
                    case TIME_ZONE ->
                            hard.maxTimeZoneDistanceMinutes(
                                    Math.max(0, WORKDAY_HOURS - parameter) * 60);
                    default -> {
                        return false;
                    }
                }
            }
            case ASPIRATION -> {
                switch (rule.criterion()) {
                    case DIVISION -> hard.inAspiredDivision();
                    case LOCATION -> hard.inAspiredLocation();
                    default -> {
                        return false;
                    }
                }
            }
            case SAME -> {
                if (rule.criterion() != Criterion.LEVEL) {
                    return false;
                }
                hard.levelGap(-parameter, parameter);
            }
        }
        return true;
    }

    private static void soft(
            MatchingRule rule,
            Map<io.tandem.matching.engine.Criterion, Integer> weights,
            int[] preferredGap) {
        int w = rule.weight();
        int parameter = rule.parameter() == null ? 0 : rule.parameter();
        switch (rule.criterion()) {
            case SKILLS -> add(weights, io.tandem.matching.engine.Criterion.SKILLS, w);
            case LANGUAGES -> add(weights, io.tandem.matching.engine.Criterion.LANGUAGE, w);
            case TIME_ZONE -> add(weights, io.tandem.matching.engine.Criterion.TIME_ZONE, w);
            case WORK_MODE -> {
                if (rule.kind() == RuleKind.OPPOSITE_WORK_MODE
                        || rule.kind() == RuleKind.DIFFERENT) {
                    add(weights, io.tandem.matching.engine.Criterion.OPPOSITE_WORK_MODE, w);
                }
            }
            case DIVISION ->
                    add(
                            weights,
                            switch (rule.kind()) {
                                case SAME -> io.tandem.matching.engine.Criterion.SAME_DIVISION;
                                case ASPIRATION ->
                                        io.tandem.matching.engine.Criterion.ASPIRED_DIVISION;
                                default -> io.tandem.matching.engine.Criterion.DIFFERENT_DIVISION;
                            },
                            w);
            case LOCATION ->
                    add(
                            weights,
                            switch (rule.kind()) {
                                case SAME -> io.tandem.matching.engine.Criterion.SAME_LOCATION;
                                case ASPIRATION ->
                                        io.tandem.matching.engine.Criterion.ASPIRED_LOCATION;
                                default -> io.tandem.matching.engine.Criterion.DIFFERENT_LOCATION;
                            },
                            w);
            case FUNCTION -> {
                switch (rule.kind()) {
                    case SAME -> add(weights, io.tandem.matching.engine.Criterion.SAME_FUNCTION, w);
                    case DIFFERENT ->
                            add(weights, io.tandem.matching.engine.Criterion.DIFFERENT_FUNCTION, w);
                    // The mentor's function counts as a skill they offer; interests are skills
                    // wanted.
                    default -> add(weights, io.tandem.matching.engine.Criterion.SKILLS, w);
                }
            }
            case ASPIRATION -> {
                add(weights, io.tandem.matching.engine.Criterion.ASPIRED_DIVISION, (w + 1) / 2);
                add(weights, io.tandem.matching.engine.Criterion.ASPIRED_LOCATION, w / 2);
            }
            case LEVEL -> {
                add(weights, io.tandem.matching.engine.Criterion.LEVEL_GAP, w);
                if (rule.kind() == RuleKind.SAME) {
                    preferredGap[0] = -parameter;
                    preferredGap[1] = parameter;
                } else {
                    preferredGap[0] = parameter;
                    preferredGap[1] = Integer.MAX_VALUE;
                }
            }
            case REPORTING_CHAIN -> {
                // a preference about reporting lines is no preference: it is always hard
            }
        }
    }

    private static void add(
            Map<io.tandem.matching.engine.Criterion, Integer> weights,
            io.tandem.matching.engine.Criterion c,
            int w) {
        if (w > 0) {
            weights.merge(c, w, Integer::sum);
        }
    }

    /** Hard rules the engine has no switch for, applied to the matrix in place. */
    private static void applyAppRules(
            List<MatchingRule> rules,
            ScoreMatrix matrix,
            List<EnrolmentView> mentees,
            List<EnrolmentView> mentors,
            Map<PersonId, PersonSummary> profiles) {
        if (rules.isEmpty()) {
            return;
        }
        int[] scores = matrix.array();
        int cols = mentors.size();
        for (int i = 0; i < mentees.size(); i++) {
            EnrolmentView mentee = mentees.get(i);
            PersonSummary a = profiles.get(mentee.personId());
            for (int j = 0; j < cols; j++) {
                if (scores[i * cols + j] < 0) {
                    continue;
                }
                PersonSummary b = profiles.get(mentors.get(j).personId());
                for (MatchingRule rule : rules) {
                    if (!allows(rule, mentee, a, b)) {
                        scores[i * cols + j] = ScoreMatrix.FORBIDDEN;
                        break;
                    }
                }
            }
        }
    }

    /** The app-level hard rules; also used to explain why a hand-made pair is refused. */
    static boolean allows(
            MatchingRule rule, EnrolmentView mentee, PersonSummary a, PersonSummary b) {
        return switch (rule.kind()) {
            case SAME ->
                    switch (rule.criterion()) {
                        case DIVISION -> Objects.equals(a.division(), b.division());
                        case FUNCTION -> Objects.equals(a.function(), b.function());
                        case LOCATION -> Objects.equals(a.location(), b.location());
                        case WORK_MODE -> Objects.equals(a.workMode(), b.workMode());
                        default -> true;
                    };
            case DIFFERENT ->
                    rule.criterion() != Criterion.WORK_MODE
                            || !Objects.equals(a.workMode(), b.workMode());
            case ASPIRATION ->
                    switch (rule.criterion()) {
                        case ASPIRATION -> {
                            String division = aspiredDivision(mentee, a);
                            String location = aspiredLocation(mentee, a);
                            yield (division != null && division.equals(b.division()))
                                    || (location != null && location.equals(b.location()));
                        }
                        case FUNCTION -> wantedKeys(mentee, a).contains(key(b.function()));
                        default -> true;
                    };
            case OVERLAP -> rule.criterion() != Criterion.SKILLS || overlaps(mentee, a, b);
            default -> true;
        };
    }

    private static boolean overlaps(EnrolmentView mentee, PersonSummary a, PersonSummary b) {
        Set<String> wanted = wantedKeys(mentee, a);
        return b.skills().stream().map(ProgramScoring::key).anyMatch(wanted::contains);
    }

    private static Set<String> wantedKeys(EnrolmentView mentee, PersonSummary a) {
        List<String> wanted =
                mentee.skillsWanted().isEmpty() ? a.skillsWanted() : mentee.skillsWanted();
        return wanted.stream()
                .map(ProgramScoring::key)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String aspiredDivision(EnrolmentView e, PersonSummary p) {
        return e.aspiredDivision() != null ? e.aspiredDivision() : p.aspiredDivision();
    }

    private static String aspiredLocation(EnrolmentView e, PersonSummary p) {
        return e.aspiredLocation() != null ? e.aspiredLocation() : p.aspiredLocation();
    }

    private static List<String> wanted(EnrolmentView e, Map<PersonId, PersonSummary> profiles) {
        return e.skillsWanted().isEmpty()
                ? profiles.get(e.personId()).skillsWanted()
                : e.skillsWanted();
    }

    private static List<String> offered(
            EnrolmentView e, Map<PersonId, PersonSummary> profiles, boolean withFunction) {
        PersonSummary p = profiles.get(e.personId());
        List<String> offered =
                new ArrayList<>(e.skillsOffered().isEmpty() ? p.skills() : e.skillsOffered());
        if (withFunction && p.function() != null) {
            offered.add(p.function());
        }
        return offered;
    }

    private static Profiles profiles(
            List<EnrolmentView> side,
            Map<PersonId, PersonSummary> profiles,
            boolean mentees,
            boolean functionInterest,
            Map<PersonId, Integer> chartIndex,
            Codes divisions,
            Codes functions,
            Codes locations,
            Codes languages,
            Codes skills) {
        Profiles.Builder b = Profiles.builder(side.size(), Math.max(1, skills.size()));
        Instant now = Instant.now();
        for (int p = 0; p < side.size(); p++) {
            EnrolmentView e = side.get(p);
            PersonSummary person = profiles.get(e.personId());
            b.person(p, chartIndex.getOrDefault(person.id(), -1));
            if (person.division() != null) {
                b.division(p, divisions.code(person.division()));
            }
            if (person.function() != null) {
                b.function(p, functions.code(person.function()));
            }
            if (person.location() != null) {
                b.location(p, locations.code(person.location()));
            }
            b.level(p, person.level() == null ? 0 : person.level());
            if (person.workMode() != null) {
                b.workMode(
                        p, io.tandem.matching.engine.WorkMode.valueOf(workMode(person.workMode())));
            }
            // The engine keeps languages as a 64-bit set; an organisation with more keeps the first
            // 64.
            b.languages(
                    p,
                    person.languages().stream()
                            .mapToInt(languages::code)
                            .filter(c -> c < 64)
                            .toArray());
            String zone = e.timeZone() != null ? e.timeZone() : person.timeZone();
            b.utcOffsetMinutes(p, ZoneId.of(zone).getRules().getOffset(now).getTotalSeconds() / 60);
            List<String> own =
                    mentees ? wanted(e, profiles) : offered(e, profiles, functionInterest);
            b.skills(p, own.stream().mapToInt(skills::code).distinct().toArray());
            String division = aspiredDivision(e, person);
            String location = aspiredLocation(e, person);
            if (mentees && division != null) {
                b.aspiredDivision(p, divisions.code(division));
            }
            if (mentees && location != null) {
                b.aspiredLocation(p, locations.code(location));
            }
        }
        return b.build();
    }

    private static String workMode(WorkMode mode) {
        return mode.name();
    }

    static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Dictionary codes for categorical values, compared ignoring case. */
    private static final class Codes {
        private final Map<String, Integer> codes = new HashMap<>();

        int code(String value) {
            return codes.computeIfAbsent(key(value), k -> codes.size());
        }

        int size() {
            return codes.size();
        }
    }
}
