package io.tandem.programs;

/** How often a pair is expected to meet. */
public enum MeetingCadence {
    WEEKLY,
    BIWEEKLY,
    MONTHLY
}
