package io.tandem.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an API token may be used: {@code api} on {@code /api/v1/**}, {@code scim} on {@code
 * /scim/v2/**}. A token has exactly one scope, so a provisioning secret handed to an identity
 * provider cannot read mentoring data, and an integration token cannot create or remove people.
 */
public enum TokenScope {
    API,
    SCIM;

    /** The name on the wire: lower case, as in {@code "scopes": ["scim"]}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + value();
    }

    public static Optional<TokenScope> parse(String value) {
        for (TokenScope scope : values()) {
            if (scope.value().equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
