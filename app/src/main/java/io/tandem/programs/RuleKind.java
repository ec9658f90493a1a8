package io.tandem.programs;

/** How a matching rule compares mentee and mentor. */
public enum RuleKind {
    SAME,
    DIFFERENT,
    ASPIRATION,
    MIN_LEVEL_GAP,
    MENTOR_LEVEL_AT_LEAST,
    OPPOSITE_WORK_MODE,
    NOT_IN_REPORTING_CHAIN,
    OVERLAP
}
