package io.tandem.web;

import io.tandem.shared.InputError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Addresses refused before any controller sees them answer like every other refusal: a problem
 * detail under {@code /api/}, Tandem's error page elsewhere. Two places refuse them: Spring
 * Security's firewall (an encoded percent sign, backslash or NUL, such as {@code /api/v1/programs
 * /%2500}), and Tomcat itself for an address it cannot decode ({@code %00}), whose answer no
 * servlet writes: Tomcat's own error report, replaced here.
 */
@Component
class RefusedAddresses
        implements RequestRejectedHandler,
                WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>,
                Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    RefusedAddresses(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void handle(
            HttpServletRequest request,
            HttpServletResponse response,
            RequestRejectedException refused)
            throws IOException {
        if (api(request.getRequestURI())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(pathProblem());
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** After Boot's own customizer, which puts Tomcat's plain error report in place. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(
                context -> {
                    Host host = (Host) context.getParent();
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new Report(this));
                    // Else the host adds Tomcat's own report again when it starts.
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(Report.class.getName());
                    }
                });
    }

    static boolean api(String uri) {
        return uri != null && uri.startsWith("/api/");
    }

    /** 400 naming the path as what is wrong. */
    byte[] pathProblem() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "request.path.invalid",
                List.of(InputError.field("path", text("request.path.character"))));
    }

    private byte[] problem(HttpStatus status, String detail, List<InputError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", text(detail));
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return JSON.writeValueAsBytes(problem);
    }

    /** Tandem's error page (two message codes), written without the servlet or templates. */
    byte[] page(String heading, String text) {
        String html =
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                        + HtmlUtils.htmlEscape(text("error.title"))
                        + "</title></head><body><main><h1>"
                        + HtmlUtils.htmlEscape(text(heading))
                        + "</h1><p>"
                        + HtmlUtils.htmlEscape(text(text))
                        + "</p><p><a href=\"/\">"
                        + HtmlUtils.htmlEscape(text("error.home"))
                        + "</a></p></main></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    /**
     * Tomcat's error report for what it answers itself (an address it cannot decode): ours instead
     * of its own HTML. Whatever the application answered has content already and is left alone.
     */
    static class Report extends ErrorReportValve {

        private final RefusedAddresses answers;

        Report(RefusedAddresses answers) {
            this.answers = answers;
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            if (response.getStatus() < 400
                    || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            boolean api = api(request.getRequestURI());
            // Tomcat's word for an address it could not decode or normalise.
            boolean address =
                    response.getMessage() != null
                            && response.getMessage().startsWith("Invalid URI");
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            String kind = status.is5xxServerError() ? "5xx" : "4xx";
            byte[] body =
                    api
                            ? address
                                    ? answers.pathProblem()
                                    : answers.problem(status, "error.problem." + kind, List.of())
                            : answers.page(
                                    "error." + kind + ".heading",
                                    address ? "request.path.invalid" : "error." + kind + ".text");
            try {
                response.setContentType(
                        api
                                ? MediaType.APPLICATION_PROBLEM_JSON_VALUE
                                : MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client went away: there is no one to answer.
            }
        }
    }
}
