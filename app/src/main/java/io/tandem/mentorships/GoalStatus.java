package io.tandem.mentorships;

/** Where a goal stands. */
public enum GoalStatus {
    NOT_STARTED,
    IN_PROGRESS,
    ACHIEVED,
    DROPPED
}
