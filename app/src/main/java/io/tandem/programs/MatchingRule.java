package io.tandem.programs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule of a program's matching: a hard rule removes pairs that break it; a soft rule adds to a
 * pair's score in proportion to its weight.
 *
 * @param parameter a number some kinds need: the level tolerance for {@code SAME} level, the gap
 *     for {@code MIN_LEVEL_GAP}, the mentor level for {@code MENTOR_LEVEL_AT_LEAST}, the hours of
 *     working-day overlap for a time-zone {@code OVERLAP}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchingRule(
        Criterion criterion, RuleKind kind, boolean hard, int weight, Integer parameter) {

    public static final int MAX_WEIGHT = 100;

    private static final Map<RuleKind, Set<Criterion>> ALLOWED =
            Map.of(
                    RuleKind.SAME,
                            Set.of(
                                    Criterion.DIVISION,
                                    Criterion.FUNCTION,
                                    Criterion.LOCATION,
                                    Criterion.LEVEL,
                                    Criterion.WORK_MODE),
                    RuleKind.DIFFERENT,
                            Set.of(
                                    Criterion.DIVISION,
                                    Criterion.FUNCTION,
                                    Criterion.LOCATION,
                                    Criterion.WORK_MODE),
                    RuleKind.ASPIRATION,
                            Set.of(
                                    Criterion.ASPIRATION,
                                    Criterion.DIVISION,
                                    Criterion.LOCATION,
                                    Criterion.FUNCTION),
                    RuleKind.MIN_LEVEL_GAP, Set.of(Criterion.LEVEL),
                    RuleKind.MENTOR_LEVEL_AT_LEAST, Set.of(Criterion.LEVEL),
                    RuleKind.OPPOSITE_WORK_MODE, Set.of(Criterion.WORK_MODE),
                    RuleKind.NOT_IN_REPORTING_CHAIN, Set.of(Criterion.REPORTING_CHAIN),
                    RuleKind.OVERLAP,
                            Set.of(Criterion.SKILLS, Criterion.LANGUAGES, Criterion.TIME_ZONE));

    private static final Set<RuleKind> NEEDS_PARAMETER =
            Set.of(RuleKind.MIN_LEVEL_GAP, RuleKind.MENTOR_LEVEL_AT_LEAST);

    /** The rules every program keeps: nobody in their own reporting line, a language in common. */
    public static final List<MatchingRule> SAFEGUARDS =
            List.of(
                    new MatchingRule(
                            Criterion.REPORTING_CHAIN,
                            RuleKind.NOT_IN_REPORTING_CHAIN,
                            true,
                            0,
                            null),
                    new MatchingRule(Criterion.LANGUAGES, RuleKind.OVERLAP, true, 0, null));

    /** Whether this rule is one of the safeguards, which nobody can remove or soften. */
    public boolean safeguard() {
        return SAFEGUARDS.stream()
                .anyMatch(s -> s.criterion == criterion && s.kind == kind && hard);
    }

    /**
     * The rules with every safeguard in: a safeguard made a preference becomes hard again, and one
     * left out comes back, first.
     */
    public static List<MatchingRule> withSafeguards(List<MatchingRule> rules) {
        List<MatchingRule> kept = new ArrayList<>();
        for (MatchingRule rule : rules) {
            MatchingRule safeguard =
                    rule == null
                            ? null
                            : SAFEGUARDS.stream()
                                    .filter(
                                            s ->
                                                    s.criterion == rule.criterion
                                                            && s.kind == rule.kind)
                                    .findFirst()
                                    .orElse(null);
            if (safeguard == null) {
                kept.add(rule);
            } else if (!kept.contains(safeguard)) {
                kept.add(safeguard);
            }
        }
        List<MatchingRule> missing = new ArrayList<>(SAFEGUARDS);
        missing.removeAll(kept);
        missing.addAll(kept);
        return missing;
    }

    /** Why this rule cannot be used, as a message code, or null when it is fine. */
    public String problem() {
        if (criterion == null || kind == null) {
            return "rule.invalid.missing";
        }
        if (!ALLOWED.get(kind).contains(criterion)) {
            return "rule.invalid.combination";
        }
        if (!hard && (weight < 1 || weight > MAX_WEIGHT)) {
            return "rule.invalid.weight";
        }
        if (NEEDS_PARAMETER.contains(kind)
                && (parameter == null || parameter < 0 || parameter > 99)) {
            return "rule.invalid.parameter";
        }
        if (parameter != null && (parameter < 0 || parameter > 99)) {
            return "rule.invalid.parameter";
        }
        return null;
    }

    public static boolean allowed(Criterion criterion, RuleKind kind) {
        return ALLOWED.get(kind).contains(criterion);
    }

    /** The message code of this rule's plain-language statement. */
    public String statementCode() {
        return "rule." + criterion + "." + kind;
    }
}
