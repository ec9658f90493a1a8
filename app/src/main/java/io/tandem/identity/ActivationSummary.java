package io.tandem.identity;

/**
 * What a request for activations did.
 *
 * @param requested activation mails asked for
 * @param alreadyActive people who can already sign in
 * @param refused people whose e-mail signs in to another organisation, or whose account is off
 */
public record ActivationSummary(int requested, int alreadyActive, int refused)
        implements java.io.Serializable {}
