package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The error endpoint as the servlet container calls it for a response already under way: a
 * conversation stream whose browser went away. Its status and type have left with the first event,
 * so nothing may be added; writing a problem detail there failed with a warning ("No converter for
 * ProblemDetail with preset Content-Type 'text/event-stream'") for every dropped stream.
 */
class ErrorResponsesTests {

    private final ErrorResponses errors =
            new ErrorResponses(
                    new DefaultErrorAttributes(),
                    new DefaultListableBeanFactory().getBeanProvider(ErrorViewResolver.class),
                    new StaticMessageSource());

    @Test
    void aDroppedEventStreamGetsNothingMore() throws IOException {
        MockHttpServletRequest request = droppedStream();
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.getWriter().write(":open\n\n");
        response.flushBuffer();

        assertThat(errors.problem(request, response)).isNull();
        assertThat(errors.page(request, response)).isNull();
        assertThat(response.getContentAsString()).isEqualTo(":open\n\n");
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    @Test
    void aFailureBeforeAnythingWasSentStillGetsAProblemDetail() {
        MockHttpServletRequest request = droppedStream();
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);

        var answer = errors.problem(request, response);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getContentType()).isNull();
    }

    private static MockHttpServletRequest droppedStream() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.addHeader("Accept", MediaType.TEXT_EVENT_STREAM_VALUE);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION, new IOException("Connection reset by peer"));
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/conversations/1/stream");
        return request;
    }
}
