package io.tandem.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever no controller answered ends here, in place of Boot's error controller: an error page for
 * browsers, an RFC 9457 problem detail for everyone else (404, 405, 406, 415 of the API included,
 * which are decided before any controller is chosen). A failure that comes from the database being
 * unreachable, wherever it happened (the session filter, a page, the API), is a 503 with
 * Retry-After, not a 500. A response already on its way (an event stream whose browser went away, a
 * page that failed half-written) gets nothing more: its status and type have left, so an error page
 * or a problem detail could not be written to it.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses extends AbstractErrorController {

    private final MessageSource messages;

    ErrorResponses(
            ErrorAttributes errorAttributes,
            ObjectProvider<ErrorViewResolver> resolvers,
            MessageSource messages) {
        super(errorAttributes, resolvers.orderedStream().toList());
        this.messages = messages;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return null;
        }
        HttpStatus status = status(request, response);
        Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        model.put("status", status.value());
        response.setStatus(status.value());
        ModelAndView view = resolveErrorView(request, response, status, model);
        return view != null
                ? view
                : new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx", model);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(
            HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return null;
        }
        // A type set before the failure (a page that failed while rendering) is not this body's.
        response.setContentType(null);
        HttpStatus status = status(request, response);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // A path that is not a valid URI (it may be why we are here): leave it out.
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private HttpStatus status(HttpServletRequest request, HttpServletResponse response) {
        if (databaseUnavailable(
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND; // opened directly: there is no error to show
        }
        return getStatus(request);
    }

    private String detail(HttpStatus status) {
        String code = "error.problem." + status.value();
        return messages.getMessage(
                code,
                null,
                messages.getMessage(
                        status.is5xxServerError() ? "error.problem.5xx" : "error.problem.4xx",
                        null,
                        status.getReasonPhrase(),
                        LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }

    /**
     * Whether {@code failure} comes from a database that cannot be reached or does not answer. The
     * causes are followed, and so are the failures a failed rollback hides: when a connection
     * breaks inside a transaction (on PostgreSQL the session lookup's), the rollback fails too,
     * with a plain "Connection is closed" from the pool, and the failure that tells is the
     * application exception the {@link TransactionSystemException} keeps beside its cause.
     */
    static boolean databaseUnavailable(Throwable failure) {
        return databaseUnavailable(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean databaseUnavailable(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception" (PostgreSQL's driver reports a lost
            // connection as 08006 or 08001, whatever Spring translates it to).
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof TransactionSystemException tx
                    && tx.getApplicationException() != null
                    && databaseUnavailable(tx.getApplicationException(), seen)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (databaseUnavailable(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
