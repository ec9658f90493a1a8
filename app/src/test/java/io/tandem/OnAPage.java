package io.tandem;

import java.util.function.Supplier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs a read as a page does, in a GET request of its own: what services keep for the rest of a
 * request ({@code web.RequestMemo}) or across requests by revision applies only there.
 */
public final class OnAPage {

    private OnAPage() {}

    /** What {@code read} answers in a GET request of its own. */
    public static <T> T onAPage(Supplier<T> read) {
        RequestContextHolder.setRequestAttributes(
                new ServletRequestAttributes(new MockHttpServletRequest("GET", "/")));
        try {
            return read.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
