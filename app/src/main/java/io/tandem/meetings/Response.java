package io.tandem.meetings;

/** The invited partner's answer. */
public enum Response {
    NEEDS_ACTION,
    ACCEPTED,
    DECLINED
}
