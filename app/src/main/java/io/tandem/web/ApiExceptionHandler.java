package io.tandem.web;

import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every API refusal into an RFC 9457 problem detail that names what was wrong. */
// First, so that the API's answers win over the pages' for the same exception.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final org.springframework.context.MessageSource messages;

    ApiExceptionHandler(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(ex), text(ex.getMessage()));
        problem.setTitle(status(ex).getReasonPhrase());
        problem.setProperty(
                "errors",
                ex.errors().stream()
                        .map(e -> new InputError(e.field(), e.row(), e.column(), text(e.message())))
                        .toList());
        return ResponseEntity.status(status(ex)).body(problem);
    }

    /** Refusals may carry a message code instead of text; text passes through unchanged. */
    private String text(String codeOrText) {
        return codeOrText == null
                ? null
                : messages.getMessage(
                        codeOrText,
                        null,
                        codeOrText,
                        org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** The shared kernel's refusals: the code and its arguments become text here, once. */
    @ExceptionHandler(io.tandem.shared.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(io.tandem.shared.NotFound ex) {
        return problem(HttpStatus.NOT_FOUND, text(ex));
    }

    @ExceptionHandler(io.tandem.shared.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(io.tandem.shared.Conflict ex) {
        return problem(HttpStatus.CONFLICT, text(ex));
    }

    private String text(org.springframework.context.MessageSourceResolvable refusal) {
        return messages.getMessage(
                refusal, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
    }

    /** The database cannot be reached (or answer) now: say so quickly, never hang or 500. */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessResourceException.class,
        org.springframework.dao.QueryTimeoutException.class,
        org.springframework.transaction.CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5")
                .body(
                        ProblemDetail.forStatusAndDetail(
                                HttpStatus.SERVICE_UNAVAILABLE, text("database.unavailable")));
    }

    /**
     * A value the database refuses (too long for its column, a NUL on PostgreSQL) that no check
     * caught first: the input is wrong, so 422, never a 500.
     */
    @ExceptionHandler({
        org.springframework.dao.DataIntegrityViolationException.class,
        org.springframework.jdbc.UncategorizedSQLException.class
    })
    ResponseEntity<ProblemDetail> refusedByDatabase(Exception ex) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text("request.value.refused"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        // Text that is text but cannot be stored (see StorableText) is a wrong value, not a
        // wrong type.
        boolean unstorable = ex.getRequiredType() == String.class;
        HttpStatus status = unstorable ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, text("request.parameter.invalid"));
        problem.setProperty(
                "errors",
                List.of(
                        InputError.field(
                                ex.getName(),
                                text(
                                        unstorable
                                                ? "request.value.unstorable"
                                                : "request.value.invalid"))));
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * A request body that breaks its Bean Validation constraints (a text longer than its column, a
     * blank required field): 422 naming every field, in the shape every other refusal has.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException ex,
            org.springframework.http.HttpHeaders headers,
            HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        List<InputError> errors = new java.util.ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(toInputError(error)));
        for (org.springframework.validation.ObjectError error :
                ex.getBindingResult().getGlobalErrors()) {
            errors.add(
                    InputError.field(
                            error.getObjectName(),
                            messages.getMessage(
                                    error,
                                    org.springframework.context.i18n.LocaleContextHolder
                                            .getLocale())));
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT, text("request.body.invalid"));
        problem.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /** A body cut off by {@link RequestSizeLimitFilter} while being read: 413, not 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex,
            org.springframework.http.HttpHeaders headers,
            HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.LimitExceeded) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(
                                ProblemDetail.forStatusAndDetail(
                                        HttpStatus.CONTENT_TOO_LARGE, t.getMessage()));
            }
        }
        // Only then the field being read: a body cut off mid-value is still too large.
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException json
                    && !json.getPath().isEmpty()) {
                // A value of the wrong type, an unknown enum constant, text that cannot be
                // stored: name the field it was in.
                boolean unstorable = t instanceof StorableText.Unstorable;
                HttpStatus answer =
                        unstorable ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
                ProblemDetail problem =
                        ProblemDetail.forStatusAndDetail(answer, text("request.body.invalid"));
                problem.setProperty(
                        "errors",
                        List.of(
                                InputError.field(
                                        path(json.getPath()),
                                        text(
                                                unstorable
                                                        ? "request.value.unstorable"
                                                        : "request.value.invalid"))));
                return ResponseEntity.status(answer).body(problem);
            }
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, text("request.body.malformed"));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A JSON path as a client would write it: {@code invitees[2].email}. */
    private static String path(List<tools.jackson.core.JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (var reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private InputError toInputError(FieldError error) {
        return InputError.field(
                error.getField(),
                messages.getMessage(
                        error, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** 400 for a malformed request, 422 for input the rules refuse. */
    static org.springframework.http.HttpStatus status(InvalidInputException ex) {
        return ex.malformed()
                ? org.springframework.http.HttpStatus.BAD_REQUEST
                : org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
