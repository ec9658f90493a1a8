package io.tandem.identity;

import java.time.Instant;

/**
 * A freshly issued one-time link, for the mail that carries it. Only a hash of {@code secret} is
 * stored.
 */
public record AccountLink(
        String email,
        String displayName,
        AccountLinkPurpose purpose,
        String secret,
        Instant expiresAt) {

    /** The path and query the link opens, to be made absolute by the mail's writer. */
    public String path() {
        return purpose.path() + "?token=" + secret;
    }
}
