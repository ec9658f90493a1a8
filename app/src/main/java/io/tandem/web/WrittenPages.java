package io.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pages whose main element is written in Java, answered without a template: the layout around it is
 * layout.html's own markup, rendered once per locale through {@code written-page.html} with markers
 * where the title, the head's parts ({@link LayoutHead}), the header and the main element go, cut
 * at the markers and kept. The workspace spent about an eighth of its time under load in view
 * resolution and the template engine only to place five strings written in Java into the layout
 * (issue 17). The layout's parts come as for any page ({@link ReadBeforeRendering}).
 */
@Component
public class WrittenPages {

    private static final String TITLE = "written-page-title-4f1c";
    private static final String HEAD = "written-page-head-4f1c";
    private static final String HEADER = "written-page-header-4f1c";
    private static final String MAIN = "written-page-main-4f1c";

    /** Few keys in practice (the locales people's browsers send); emptied past this. */
    private static final int MAX_CACHED = 16;

    private final ITemplateEngine templates;
    private final Map<Locale, String[]> layouts = new ConcurrentHashMap<>();

    WrittenPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The page with this title (text, escaped here) and main element (HTML, written whole). */
    public View page(String title, String main) {
        return new Page(title, main);
    }

    /** Whether the view is a page written here: a whole page, with the layout's parts. */
    static boolean isWritten(View view) {
        return view instanceof Page;
    }

    /** The layout in five pieces: before the title, before the head's parts, … after main. */
    String[] layout(Locale locale) {
        String[] pieces = layouts.get(locale);
        if (pieces == null) {
            if (layouts.size() >= MAX_CACHED) {
                layouts.clear();
            }
            pieces = cut(locale);
            layouts.put(locale, pieces);
        }
        return pieces;
    }

    private String[] cut(Locale locale) {
        String html =
                templates.process(
                        "written-page",
                        new Context(
                                locale,
                                Map.of(
                                        "writtenTitle",
                                        TITLE,
                                        "writtenMain",
                                        MAIN,
                                        LayoutHead.VARIABLE,
                                        HEAD,
                                        LayoutPart.HEADER_VARIABLE,
                                        HEADER)));
        String[] markers = {TITLE, HEAD, HEADER, MAIN};
        String[] pieces = new String[markers.length + 1];
        int from = 0;
        for (int i = 0; i < markers.length; i++) {
            int at = html.indexOf(markers[i], from);
            if (at < 0 || html.indexOf(markers[i], at + 1) >= 0) {
                throw new IllegalStateException(
                        "layout.html must place " + markers[i] + " once, after the one before");
            }
            pieces[i] = html.substring(from, at);
            from = at + markers[i].length();
        }
        pieces[markers.length] = html.substring(from);
        return pieces;
    }

    private final class Page implements View {

        private final String title;
        private final String main;

        Page(String title, String main) {
            this.title = title;
            this.main = main;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(
                Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            // As Thymeleaf's view answers: the locale (Content-Language), the type, then flushed.
            Locale locale = RequestContextUtils.getLocale(request);
            String[] layout = layout(locale);
            response.setLocale(locale);
            response.setContentType(getContentType());
            PrintWriter out = response.getWriter();
            out.write(layout[0]);
            out.write(RowHtml.escape(title));
            out.write(layout[1]);
            out.write(part(model, LayoutHead.VARIABLE));
            out.write(layout[2]);
            out.write(part(model, LayoutPart.HEADER_VARIABLE));
            out.write(layout[3]);
            out.write(main);
            out.write(layout[4]);
            out.flush();
        }

        private static String part(Map<String, ?> model, String name) {
            if (!(model.get(name) instanceof String part)) {
                throw new IllegalStateException("No " + name + " for a written page");
            }
            return part;
        }
    }
}
