package io.tandem.engagement;

import io.tandem.shared.InputError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * A program's engagement rules, stored as data so program managers can read and change them.
 *
 * @param meetingSlackPercent a meeting is overdue once this share of the cadence has passed without
 *     one (150: a monthly pair is at risk after 45 days)
 * @param atRiskAfterDays days without any activity that put a pair at risk
 * @param inactiveAfterDays days without any activity that make a pair inactive
 * @param lowRating a check-in usefulness or goal progress at or below this puts a pair at risk
 * @param nudgeIntervalDays at least this many days between two automatic nudges to one pair
 * @param autoClose whether pairs without activity are warned, then ended as inactive
 * @param warnAfterDays days without activity before the warning
 * @param closeAfterDays days after the warning, still without activity, before the end
 */
public record EngagementRules(
        int meetingSlackPercent,
        int atRiskAfterDays,
        int inactiveAfterDays,
        int lowRating,
        boolean checkIns,
        boolean autoNudge,
        int nudgeIntervalDays,
        boolean autoClose,
        int warnAfterDays,
        int closeAfterDays) {

    public static final EngagementRules DEFAULTS =
            new EngagementRules(150, 21, 45, 2, true, true, 7, false, 60, 14);

    /** Every problem with these rules, by field; empty when they hold together. */
    public List<InputError> problems(MessageSourceAccessor messages) {
        List<InputError> errors = new ArrayList<>();
        range(messages, errors, "meetingSlackPercent", meetingSlackPercent, 100, 500);
        range(messages, errors, "atRiskAfterDays", atRiskAfterDays, 1, 365);
        range(messages, errors, "inactiveAfterDays", inactiveAfterDays, 1, 365);
        if (inactiveAfterDays <= atRiskAfterDays && errors.isEmpty()) {
            errors.add(
                    InputError.field(
                            "inactiveAfterDays",
                            messages.getMessage("engagement.rules.after-at-risk")));
        }
        range(messages, errors, "lowRating", lowRating, 1, 4);
        range(messages, errors, "nudgeIntervalDays", nudgeIntervalDays, 7, 90);
        range(messages, errors, "warnAfterDays", warnAfterDays, 7, 365);
        range(messages, errors, "closeAfterDays", closeAfterDays, 1, 90);
        return errors;
    }

    private static void range(
            MessageSourceAccessor messages,
            List<InputError> errors,
            String field,
            int value,
            int min,
            int max) {
        if (value < min || value > max) {
            errors.add(
                    InputError.field(
                            field,
                            messages.getMessage(
                                    "engagement.rules.range", new Object[] {min, max})));
        }
    }
}
