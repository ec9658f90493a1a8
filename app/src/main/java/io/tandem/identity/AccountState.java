package io.tandem.identity;

import java.time.Instant;

/**
 * Whether a person can get in: no account yet, activation mailed but not used, activated, or
 * switched off because the person is inactive.
 *
 * @param invitedAt when the latest activation mail was asked for, or {@code null}
 * @param activatedAt when the password was first set, or {@code null}
 * @param role what the account may do, or {@code null} without an account
 */
public record AccountState(Status status, Instant invitedAt, Instant activatedAt, Role role) {

    public enum Status {
        NONE,
        INVITED,
        ACTIVATED,
        DISABLED
    }

    public static final AccountState NONE = new AccountState(Status.NONE, null, null, null);

    public boolean activated() {
        return status == Status.ACTIVATED;
    }

    /** Activation mailed and not used yet. */
    public boolean invited() {
        return status == Status.INVITED;
    }
}
