package io.tandem.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.util.FastStringWriter;

/**
 * A page rendered whole in memory, then sent as bytes with its length: nothing is written when
 * rendering fails (as with {@code produce-partial-output-while-processing=false}), but the page is
 * written the cheap way. Thymeleaf's own buffer started at 1 KB and was copied each time it
 * doubled, then the page went through the servlet writer, which encodes 8 KB of characters at a
 * time and, from a page's first non-ASCII character on (the title's dash), one character at a time
 * — about 6 % of a page's CPU under load, paid by no JSON answer (issue 17). Here the buffer starts
 * at the size this view wrote last, the page is encoded in one call and written without chunking.
 */
class WholePageView extends ThymeleafView {

    /** What this view wrote last, in characters: the next buffer's starting size. */
    private volatile int lastLength = 8 * 1024;

    @Override
    public boolean getProducePartialOutputWhileProcessing() {
        // Thymeleaf writes to the "response's" writer: the buffer below.
        return true;
    }

    @Override
    public void render(
            Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        FastStringWriter page = new FastStringWriter(lastLength + lastLength / 8);
        renderFragment(markupSelectors(), model, request, new Buffered(response, page));
        String html = page.toString();
        lastLength = Math.max(1024, html.length());
        byte[] bytes = html.getBytes(Charset.forName(response.getCharacterEncoding()));
        ServletOutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerAlreadyUsed) {
            response.getWriter().write(html);
            response.getWriter().flush();
            return;
        }
        response.setContentLength(bytes.length);
        out.write(bytes);
        out.flush();
    }

    private Set<String> markupSelectors() {
        String selector = getMarkupSelector();
        return selector == null || selector.isBlank() ? null : Set.of(selector.trim());
    }

    /** The response as the template engine sees it: its writer is the page's buffer. */
    private static final class Buffered extends HttpServletResponseWrapper {

        private final PrintWriter writer;

        Buffered(HttpServletResponse response, FastStringWriter page) {
            super(response);
            this.writer = new ToBuffer(page);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A page is written through its writer");
        }
    }

    /**
     * A writer straight into the buffer: a plain {@code PrintWriter} takes a lock on each of the
     * template's hundreds of writes, and the buffer is this request's own.
     */
    private static final class ToBuffer extends PrintWriter {

        private final FastStringWriter page;

        ToBuffer(FastStringWriter page) {
            super(page);
            this.page = page;
        }

        @Override
        public void write(int c) {
            page.write(c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            page.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            page.write(text, offset, length);
        }

        @Override
        public void write(String text) {
            page.write(text);
        }

        @Override
        public void flush() {}
    }
}
