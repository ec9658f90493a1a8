package io.tandem.web;

import io.tandem.shared.Conflict;

/**
 * A conflict whose message is text a module resolved itself, arguments and all (the self-match
 * checks, overbooking on publish, an answered check-in), because the page that catches it shows the
 * text as it is. Everything else throws the shared kernel's {@link Conflict} with a code; these
 * last ones move over once their pages resolve refusals themselves.
 */
public class ConflictException extends Conflict {

    public ConflictException(String message) {
        super(message);
    }
}
