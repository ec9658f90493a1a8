package io.tandem.matching;

/** Where a self-match request stands. Only an {@code OPEN} one can be accepted or declined. */
public enum RequestStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    /** The mentee took it back, or got a mentor another way. */
    WITHDRAWN,
    /** Nobody answered in time. */
    EXPIRED
}
