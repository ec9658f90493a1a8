package io.tandem.notifications;

/**
 * How a person wants a kind of notification: in the app only, by e-mail now, or in a daily digest.
 */
public enum Delivery {
    IN_APP,
    EMAIL_NOW,
    DAILY_DIGEST
}
