package io.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies before anything reads them into memory: JSON and forms at {@code
 * tandem.limits.json} / {@code tandem.limits.form}, CSV at {@code tandem.import.max-bytes}. A
 * larger body is answered 413 with a problem detail, whether it announces its length or not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long formLimit;
    private final long csvLimit;

    RequestSizeLimitFilter(WebProperties properties) {
        this.jsonLimit = properties.limits().json().toBytes();
        this.formLimit = properties.limits().form().toBytes();
        this.csvLimit = properties.imports().maxBytes();
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getContentType());
        if (limit < 0) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        try {
            chain.doFilter(new Capped(request, limit), response);
        } catch (Exception e) {
            if (!causedByLimit(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, limit);
            }
        }
    }

    private long limitFor(String contentType) {
        if (contentType == null) {
            return jsonLimit;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return -1; // the multipart limits and the import page's own check apply
        }
        if (type.startsWith("text/csv")) {
            return csvLimit;
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return formLimit;
        }
        return jsonLimit;
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(
                        "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                                + "\"detail\":\"The request body is larger than the limit of "
                                + limit
                                + " bytes.\"}");
    }

    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("request body over the limit");
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    /** The body as read, refused with {@link LimitExceeded} once it passes the limit. */
    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws LimitExceeded {
            read += n;
            if (read > limit) {
                throw new LimitExceeded();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
