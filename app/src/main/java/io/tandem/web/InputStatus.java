package io.tandem.web;

import io.tandem.shared.InvalidInputException;

/** The HTTP status a page answers when it shows a refused form again: 400 or 422. */
public final class InputStatus {

    private InputStatus() {}

    public static int of(InvalidInputException refused) {
        return ApiExceptionHandler.status(refused).value();
    }
}
