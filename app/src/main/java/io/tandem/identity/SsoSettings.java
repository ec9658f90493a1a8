package io.tandem.identity;

/**
 * An organisation's OpenID Connect sign-in, as admins see it: never the client secret, only whether
 * one is stored.
 */
public record SsoSettings(
        boolean enabled,
        String issuerUrl,
        String clientId,
        boolean secretStored,
        String emailClaim,
        boolean passwordSignIn,
        boolean justInTime) {

    public static SsoSettings none() {
        return new SsoSettings(false, "", "", false, "email", true, false);
    }
}
