package io.tandem.identity;

/** A "Sign in with …" button on the sign-in page. */
public record SsoSignInOption(String registrationId, String organisationName) {}
