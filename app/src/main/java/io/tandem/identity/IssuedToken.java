package io.tandem.identity;

import java.util.UUID;

/** A freshly created API token; {@code secret} is shown once and never stored. */
public record IssuedToken(UUID id, String name, Role role, TokenScope scope, String secret)
        implements java.io.Serializable {}
