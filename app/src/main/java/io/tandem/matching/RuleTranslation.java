package io.tandem.matching;

import io.tandem.matching.engine.HardRules;
import io.tandem.matching.engine.OrgChart;
import io.tandem.matching.engine.Weights;
import io.tandem.programs.Criterion;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.RuleKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a program's matching rules into the engine's terms: hard rules it checks, weights per
 * criterion and a preferred level gap; the hard rules it has no switch for are left to {@link
 * AppRules}.
 */
final class RuleTranslation {

    /** Hours of a working day, for time-zone overlap. */
    static final int WORKDAY_HOURS = 8;

    final HardRules.Builder hard = HardRules.builder();
    final Map<io.tandem.matching.engine.Criterion, Integer> weights =
            new EnumMap<>(io.tandem.matching.engine.Criterion.class);
    final List<MatchingRule> appRules = new ArrayList<>();
    private final int[] preferredGap = {Integer.MIN_VALUE, Integer.MAX_VALUE};

    private RuleTranslation() {}

    /** Translates the rules; nobody is ever paired inside their own reporting line. */
    static RuleTranslation of(List<MatchingRule> rules, OrgChart chart) {
        RuleTranslation t = new RuleTranslation();
        for (MatchingRule rule : rules) {
            if (rule.hard()) {
                if (!hard(rule, t.hard, chart)) {
                    t.appRules.add(rule);
                }
            } else {
                soft(rule, t.weights, t.preferredGap);
            }
        }
        t.hard.notInReportingChain(chart);
        return t;
    }

    /** The hard rules the engine has no switch for, for {@link AppRules}. */
    List<MatchingRule> appRules() {
        return List.copyOf(appRules);
    }

    Weights engineWeights() {
        return Weights.of(weights);
    }

    /** The best score the weights can give a pair. */
    int maxPoints() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The preferred level gap as {from, to}, or null when no rule prefers one. */
    int[] preferredGap() {
        return preferredGap[0] == Integer.MIN_VALUE ? null : preferredGap.clone();
    }

    /** Applies a hard rule the engine knows; false when the app must apply it itself. */
    private static boolean hard(MatchingRule rule, HardRules.Builder hard, OrgChart chart) {
        int parameter = rule.parameter() == null ? 0 : rule.parameter();
        return switch (rule.kind()) {
            case NOT_IN_REPORTING_CHAIN -> {
                hard.notInReportingChain(chart);
                yield true;
            }
            case DIFFERENT -> different(rule.criterion(), hard);
            case OPPOSITE_WORK_MODE -> {
                hard.oppositeWorkMode();
                yield true;
            }
            case MIN_LEVEL_GAP -> {
                hard.levelGap(parameter, Integer.MAX_VALUE);
                yield true;
            }
            case MENTOR_LEVEL_AT_LEAST -> {
                hard.minMentorLevel(parameter);
                yield true;
            }
            case OVERLAP -> overlap(rule.criterion(), parameter, hard);
            case ASPIRATION -> aspiration(rule.criterion(), hard);
            case SAME -> {
                if (rule.criterion() == Criterion.LEVEL) {
                    hard.levelGap(-parameter, parameter);
                }
                yield rule.criterion() == Criterion.LEVEL;
            }
        };
    }

    private static boolean different(Criterion criterion, HardRules.Builder hard) {
        switch (criterion) {
            case DIVISION -> hard.differentDivision();
            case FUNCTION -> hard.differentFunction();
            case LOCATION -> hard.differentLocation();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean overlap(Criterion criterion, int parameter, HardRules.Builder hard) {
        switch (criterion) {
            case LANGUAGES -> hard.commonLanguage();
            case TIME_ZONE ->
                    hard.maxTimeZoneDistanceMinutes(Math.max(0, WORKDAY_HOURS - parameter) * 60);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean aspiration(Criterion criterion, HardRules.Builder hard) {
        switch (criterion) {
            case DIVISION -> hard.inAspiredDivision();
            case LOCATION -> hard.inAspiredLocation();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void soft(
            MatchingRule rule,
            Map<io.tandem.matching.engine.Criterion, Integer> weights,
            int[] preferredGap) {
        int w = rule.weight();
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
            case DIVISION, LOCATION, FUNCTION -> add(weights, placeCriterion(rule), w);
            case ASPIRATION -> {
                add(weights, io.tandem.matching.engine.Criterion.ASPIRED_DIVISION, (w + 1) / 2);
                add(weights, io.tandem.matching.engine.Criterion.ASPIRED_LOCATION, w / 2);
            }
            case LEVEL -> {
                add(weights, io.tandem.matching.engine.Criterion.LEVEL_GAP, w);
                int parameter = rule.parameter() == null ? 0 : rule.parameter();
                preferredGap[0] = rule.kind() == RuleKind.SAME ? -parameter : parameter;
                preferredGap[1] = rule.kind() == RuleKind.SAME ? parameter : Integer.MAX_VALUE;
            }
            case REPORTING_CHAIN -> {
                // a preference about reporting lines is no preference: it is always hard
            }
        }
    }

    /** The engine's criterion for a soft rule on division, location or function. */
    private static io.tandem.matching.engine.Criterion placeCriterion(MatchingRule rule) {
        boolean same = rule.kind() == RuleKind.SAME;
        boolean aspired = rule.kind() == RuleKind.ASPIRATION;
        return switch (rule.criterion()) {
            case DIVISION ->
                    same
                            ? io.tandem.matching.engine.Criterion.SAME_DIVISION
                            : aspired
                                    ? io.tandem.matching.engine.Criterion.ASPIRED_DIVISION
                                    : io.tandem.matching.engine.Criterion.DIFFERENT_DIVISION;
            case LOCATION ->
                    same
                            ? io.tandem.matching.engine.Criterion.SAME_LOCATION
                            : aspired
                                    ? io.tandem.matching.engine.Criterion.ASPIRED_LOCATION
                                    : io.tandem.matching.engine.Criterion.DIFFERENT_LOCATION;
            // The mentor's function counts as a skill they offer; interests are skills wanted.
            default ->
                    same
                            ? io.tandem.matching.engine.Criterion.SAME_FUNCTION
                            : rule.kind() == RuleKind.DIFFERENT
                                    ? io.tandem.matching.engine.Criterion.DIFFERENT_FUNCTION
                                    : io.tandem.matching.engine.Criterion.SKILLS;
        };
    }

    private static void add(
            Map<io.tandem.matching.engine.Criterion, Integer> weights,
            io.tandem.matching.engine.Criterion c,
            int w) {
        if (w > 0) {
            weights.merge(c, w, Integer::sum);
        }
    }
}
