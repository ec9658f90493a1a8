package io.tandem.web;

import io.tandem.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refused input that a page did not show next to its field itself (a download's filter, a query
 * parameter) answers with the error page and the refusal's status (400 or 422), never a 500. The
 * API's own handler comes first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    /** The shared kernel's refusals that no page showed in place: the error page, 404 or 409. */
    @ExceptionHandler(io.tandem.shared.NotFound.class)
    void notFound(io.tandem.shared.NotFound refused, HttpServletResponse response)
            throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(io.tandem.shared.Conflict.class)
    void conflict(io.tandem.shared.Conflict refused, HttpServletResponse response)
            throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException refused, HttpServletResponse response) throws IOException {
        response.sendError(ApiExceptionHandler.status(refused).value());
    }
}
