package io.tandem.web;

import io.tandem.shared.Conflict;

/**
 * A conflict whose message is already text or a code without arguments; the shared kernel's {@link
 * Conflict} with its code and arguments replaces it as each module moves over. Both advices map it
 * as a {@code Conflict}: a code is resolved, text passes through unchanged.
 */
public class ConflictException extends Conflict {

    public ConflictException(String message) {
        super(message);
    }
}
