package io.tandem.identity;

/** What an admin submits; a blank {@code clientSecret} keeps the stored one. */
public record SsoForm(
        boolean enabled,
        String issuerUrl,
        String clientId,
        String clientSecret,
        String emailClaim,
        boolean passwordSignIn,
        boolean justInTime) {}
