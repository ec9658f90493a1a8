package io.tandem.web;

import io.tandem.shared.InputError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An API address that answers only one type (the event stream, a CSV report) asked for another:
 * Spring finds no handler, so no controller's advice applies and the 406 would leave without a
 * body. It gets the problem detail every other API refusal has, naming the {@code Accept} header
 * and the types the address can answer, whatever type was asked for. Pages keep the error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotAcceptableProblems {

    private final MessageSource messages;

    NotAcceptableProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(
            HttpMediaTypeNotAcceptableException refused, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!RefusedAddresses.api(request.getRequestURI())) {
            throw refused; // the error page, as before
        }
        String answers =
                refused.getSupportedMediaTypes().stream()
                        .map(MediaType::toString)
                        .collect(Collectors.joining(", "));
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_ACCEPTABLE, text("error.problem.406", null));
        problem.setProperty(
                "errors",
                List.of(
                        InputError.field(
                                "Accept",
                                text("request.accept.supported", new Object[] {answers}))));
        // Set here, so that the body is written whatever the request asked for.
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String text(String code, Object[] arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
