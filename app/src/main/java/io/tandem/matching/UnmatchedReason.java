package io.tandem.matching;

/** Why a mentee has no mentor in a run. */
public enum UnmatchedReason {
    /** Every mentor is ruled out by a hard rule. */
    NO_FEASIBLE_MENTOR,
    /** Some mentors would do, but their capacity went to others. */
    CAPACITY_EXHAUSTED,
    /** Some mentors break no hard rule, but every one scores below the program's minimum. */
    BELOW_MINIMUM_SCORE,
    /** The program manager removed the proposed pair. */
    REMOVED
}
