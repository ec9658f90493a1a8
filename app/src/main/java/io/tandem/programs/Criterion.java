package io.tandem.programs;

/** What a matching rule looks at. */
public enum Criterion {
    SKILLS,
    DIVISION,
    FUNCTION,
    LOCATION,
    LEVEL,
    WORK_MODE,
    LANGUAGES,
    TIME_ZONE,
    REPORTING_CHAIN,
    ASPIRATION
}
