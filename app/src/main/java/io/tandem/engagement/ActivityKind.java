package io.tandem.engagement;

/** What a pair did. Meetings and messages come from their own modules. */
public enum ActivityKind {
    STARTED,
    AGREEMENT_SIGNED,
    GOAL_ACHIEVED,
    MEETING,
    /** A check-in answer saying the pair met since the last one. */
    REPORTED_MEETING,
    MESSAGE,
    ENDED;

    /** Whether it shows the pair working together (not just the lifecycle moving). */
    boolean counts() {
        return this != ENDED;
    }

    boolean meeting() {
        return this == MEETING || this == REPORTED_MEETING;
    }
}
