package io.tandem.notifications;

/** Where a mail in the outbox is on its way to the recipient. */
public enum MailStatus {
    /** Waiting for delivery: for the next poll, a retry, or an SMTP server to be configured. */
    PENDING,
    /** Claimed by one instance, which is talking to the SMTP server now. */
    SENDING,
    SENT,
    /** Given up after the configured number of attempts; the last error is kept. */
    FAILED
}
