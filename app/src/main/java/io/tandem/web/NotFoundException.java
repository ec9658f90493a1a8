package io.tandem.web;

import io.tandem.shared.NotFound;

/**
 * Something missing whose message is already text or a code without arguments; the shared kernel's
 * {@link NotFound} with its code and arguments replaces it as each module moves over. Both advices
 * map it as a {@code NotFound}: a code is resolved, text passes through unchanged.
 */
// Kept from before: any path no advice sees still answers with this status.
@org.springframework.web.bind.annotation.ResponseStatus(
        org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends NotFound {

    public NotFoundException(String message) {
        super(message);
    }
}
