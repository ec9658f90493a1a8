package io.tandem.matching;

import io.tandem.people.PersonSummary;
import io.tandem.programs.Criterion;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.MatchingRule;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The program's hard rules the engine has no switch for: the application checks them itself, on
 * every pair as it is scored and on a single pair when it explains a refusal.
 */
final class AppRules {

    private AppRules() {}

    /** Whether the pair passes every one of {@code rules}: the check made on every scored pair. */
    static boolean allowsAll(
            List<MatchingRule> rules, EnrolmentView mentee, PersonSummary a, PersonSummary b) {
        for (MatchingRule rule : rules) {
            if (!allows(rule, mentee, a, b)) {
                return false;
            }
        }
        return true;
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
        return b.skills().stream().map(AppRules::key).anyMatch(wanted::contains);
    }

    private static Set<String> wantedKeys(EnrolmentView mentee, PersonSummary a) {
        List<String> wanted =
                mentee.skillsWanted().isEmpty() ? a.skillsWanted() : mentee.skillsWanted();
        return wanted.stream().map(AppRules::key).collect(Collectors.toSet());
    }

    static String aspiredDivision(EnrolmentView e, PersonSummary p) {
        return e.aspiredDivision() != null ? e.aspiredDivision() : p.aspiredDivision();
    }

    static String aspiredLocation(EnrolmentView e, PersonSummary p) {
        return e.aspiredLocation() != null ? e.aspiredLocation() : p.aspiredLocation();
    }

    static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
