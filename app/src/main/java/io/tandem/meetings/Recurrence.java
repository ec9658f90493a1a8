package io.tandem.meetings;

import io.tandem.programs.MeetingCadence;

/** How a meeting repeats, each as an RFC 5545 recurrence rule. */
public enum Recurrence {
    NONE(null),
    WEEKLY("FREQ=WEEKLY"),
    FORTNIGHTLY("FREQ=WEEKLY;INTERVAL=2"),
    MONTHLY("FREQ=MONTHLY");

    private final String rule;

    Recurrence(String rule) {
        this.rule = rule;
    }

    /** The {@code RRULE} value, or null for a one-off meeting. */
    public String rule() {
        return rule;
    }

    public static Recurrence of(MeetingCadence cadence) {
        if (cadence == null) {
            return NONE;
        }
        return switch (cadence) {
            case WEEKLY -> WEEKLY;
            case BIWEEKLY -> FORTNIGHTLY;
            case MONTHLY -> MONTHLY;
        };
    }
}
