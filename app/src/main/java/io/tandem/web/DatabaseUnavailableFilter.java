package io.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The outermost filter: a request that fails because the database cannot be reached, wherever it
 * failed (loading the session, checking an API token, a page, the API), is answered 503 with
 * Retry-After, a short friendly page for browsers and a problem detail for everyone else. The
 * answer is written here without a template or the database, since the error page itself would need
 * the session and the layout.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private final MessageSource messages;

    DatabaseUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!ErrorResponses.databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = messages.getMessage("database.unavailable", null, locale);
        response.reset();
        response.setStatus(503);
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean page =
                !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        && accept != null
                        && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (page) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(page(request.getContextPath(), detail, locale));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write(
                            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
                                    + "\"status\":503,\"detail\":\""
                                    + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                                    + "\"}");
        }
    }

    /** The short page for browsers, every text escaped, styled by the site's own sheet. */
    private String page(String contextPath, String detail, Locale locale) {
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.503.heading", null, locale));
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + title
                + " — Tandem</title>"
                + "<link rel=\"stylesheet\" href=\""
                + contextPath
                + "/css/tandem.css\"></head><body>"
                + "<main id=\"main\" class=\"container narrow\"><h1>"
                + title
                + "</h1><p>"
                + HtmlUtils.htmlEscape(detail)
                + "</p><p><a href=\""
                + contextPath
                + "/\">"
                + HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale))
                + "</a></p></main></body></html>";
    }
}
