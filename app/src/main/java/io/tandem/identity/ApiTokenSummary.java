package io.tandem.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token as its organisation's admins see it: never the secret, only its last characters. */
public record ApiTokenSummary(
        UUID id,
        String name,
        Role role,
        TokenScope scope,
        String hint,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
