package io.tandem.matching.engine;

/** Where a person works; profiles store the ordinal. */
public enum WorkMode {
    FIELD,
    HOME_OFFICE,
    REMOTE
}
