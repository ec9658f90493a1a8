package io.tandem.web;

import io.tandem.shared.Paged;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links for a page of a list, built from the address that asked for it, so every filter in the
 * query string survives a move to the next page without JavaScript.
 *
 * @param from the 1-based position of the first row shown (0 when the list is empty)
 * @param to the position of the last row shown
 */
public record Pager(
        long from,
        long to,
        long total,
        int page,
        int pages,
        String first,
        String previous,
        String next,
        String last) {

    /**
     * Links that change {@code parameter} in the request's own address, ending in {@code anchor}.
     */
    public static Pager of(
            Paged<?> paged, HttpServletRequest request, String parameter, String anchor) {
        return of(
                paged,
                UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString()),
                parameter,
                anchor);
    }

    /**
     * As {@link #of(Paged, HttpServletRequest, String, String)} for a page shown at another address
     * than the one asked for (a refused form answered with the page it came from).
     */
    public static Pager of(
            Paged<?> paged, UriComponentsBuilder address, String parameter, String anchor) {
        UriComponentsBuilder base = address.cloneBuilder().fragment(anchor);
        int pages = paged.totalPages();
        long from = paged.total() == 0 ? 0 : (long) paged.page() * paged.size() + 1;
        long to =
                Math.min(paged.total(), (long) paged.page() * paged.size() + paged.items().size());
        return new Pager(
                from,
                to,
                paged.total(),
                paged.page(),
                pages,
                paged.hasPrevious() ? link(base, parameter, 0) : null,
                paged.hasPrevious() ? link(base, parameter, paged.page() - 1) : null,
                paged.hasNext() ? link(base, parameter, paged.page() + 1) : null,
                paged.hasNext() ? link(base, parameter, pages - 1) : null);
    }

    public static Pager of(Paged<?> paged, HttpServletRequest request) {
        return of(paged, request, "page", null);
    }

    /** Whether there is more than one page, and so links to show. */
    public boolean several() {
        return pages > 1;
    }

    private static String link(UriComponentsBuilder base, String parameter, int page) {
        return base.cloneBuilder().replaceQueryParam(parameter, page).build().toUriString();
    }
}
