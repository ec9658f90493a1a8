package io.tandem.programs;

/**
 * What one bulk approval or decline did.
 *
 * @param decided enrolments moved from pending to approved (or declined) by this action
 * @param alreadyDecided selected enrolments that were no longer pending, left as they were
 */
public record BulkDecision(boolean approve, int decided, int alreadyDecided)
        implements java.io.Serializable {}
