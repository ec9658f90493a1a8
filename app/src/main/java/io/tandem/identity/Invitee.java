package io.tandem.identity;

/** Someone to send an activation to: the e-mail their account signs in with, and their name. */
public record Invitee(String email, String displayName) {}
