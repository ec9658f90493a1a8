package io.tandem.identity;

/** An admin saved the organisation's single sign-on settings (never the secret). */
public record SsoSettingsChanged(
        OrganisationId organisationId,
        String issuerUrl,
        boolean enabled,
        boolean passwordSignIn,
        boolean justInTime) {}
