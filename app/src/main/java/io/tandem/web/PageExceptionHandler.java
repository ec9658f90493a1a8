package io.tandem.web;

import io.tandem.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponents.UriTemplateVariables;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refused input that a page did not show next to its field itself (a download's filter, a query
 * parameter) answers with the error page and the refusal's status (400 or 422), never a 500. The
 * API's own handler comes first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    /** The flash attribute a page shows at the top with {@code alerts :: errorText}. */
    static final String PROBLEM = "problem";

    private final MessageSourceAccessor messages;

    PageExceptionHandler(MessageSource messageSource) {
        this.messages = new MessageSourceAccessor(messageSource);
    }

    /** The shared kernel's refusals that no page showed in place: the error page, 404 or 409. */
    @ExceptionHandler(io.tandem.shared.NotFound.class)
    void notFound(io.tandem.shared.NotFound refused, HttpServletResponse response)
            throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * A clash the page's action declared a way back for ({@link ConflictReturnsTo}): redirected
     * there with the refusal's text; otherwise the error page with 409.
     */
    @ExceptionHandler(io.tandem.shared.Conflict.class)
    ModelAndView conflict(
            io.tandem.shared.Conflict refused,
            HandlerMethod handler,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ConflictReturnsTo back =
                handler == null ? null : handler.getMethodAnnotation(ConflictReturnsTo.class);
        if (back == null) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return null;
        }
        RequestContextUtils.getOutputFlashMap(request).put(PROBLEM, messages.getMessage(refused));
        @SuppressWarnings("unchecked")
        Map<String, String> path =
                (Map<String, String>)
                        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        // Path variables first, then the request's parameters; one not given is left empty.
        UriTemplateVariables variables =
                name -> {
                    String value = path == null ? null : path.get(name);
                    if (value == null) {
                        value = request.getParameter(name);
                    }
                    return value == null ? "" : value;
                };
        return new ModelAndView(
                "redirect:"
                        + UriComponentsBuilder.fromUriString(back.value())
                                .build()
                                .expand(variables)
                                .encode()
                                .toUriString());
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException refused, HttpServletResponse response) throws IOException {
        response.sendError(ApiExceptionHandler.status(refused).value());
    }
}
