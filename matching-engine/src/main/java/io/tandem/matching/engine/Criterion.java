package io.tandem.matching.engine;

/** A soft criterion of a pair's score; each has a value in [0,1] and a weight in points. */
public enum Criterion {
    /** Share of the mentee's wanted skills that the mentor offers. */
    SKILLS,
    SAME_DIVISION,
    DIFFERENT_DIVISION,
    SAME_FUNCTION,
    DIFFERENT_FUNCTION,
    SAME_LOCATION,
    DIFFERENT_LOCATION,
    /** The mentor works in the division the mentee aspires to. */
    ASPIRED_DIVISION,
    /** The mentor works in the location the mentee aspires to. */
    ASPIRED_LOCATION,
    /** One works in the field, the other in the home office. */
    OPPOSITE_WORK_MODE,
    /** Mentor's level minus mentee's level lies in the preferred range. */
    LEVEL_GAP,
    /** They share at least one language. */
    LANGUAGE,
    /** Share of a working day that overlaps, from the UTC offsets. */
    TIME_ZONE
}
