package io.tandem.matching;

public enum MatchRunStatus {
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
}
