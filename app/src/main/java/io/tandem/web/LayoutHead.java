package io.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * What every page's {@code <head>} holds after its title, written in Java as one piece: the CSRF
 * token's two meta elements and the stylesheet and scripts under their content-hashed or versioned
 * names. The layout drew them as six expressions and four link expressions, each link asking the
 * resource chain for its hashed name, on every page (issue 17); the names cannot change while the
 * application runs, so they are resolved once per context path.
 */
@Component("layoutHead")
public class LayoutHead implements LayoutPart {

    /** The model variable the layout reads, when set. */
    static final String VARIABLE = "layoutHead";

    private static final String STYLESHEET = "/css/tandem.css";
    private static final List<String> SCRIPTS =
            List.of(
                    "/webjars/htmx.org/dist/htmx.min.js",
                    "/webjars/htmx-ext-sse/sse.js",
                    "/js/tandem.js");

    /** Few keys in practice (one per context path); emptied rather than grown past this. */
    private static final int MAX_CACHED = 16;

    private final ResourceUrlProvider resources;
    private final Map<String, String> assets = new ConcurrentHashMap<>();

    LayoutHead(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @Override
    public void addTo(Map<String, Object> model, HttpServletRequest request) {
        model.put(VARIABLE, html((CsrfToken) request.getAttribute(CsrfToken.class.getName())));
    }

    /** The meta elements for this request's CSRF token (none without one), then the assets. */
    public String html(CsrfToken csrf) {
        String context = RowHtml.contextPath();
        String links = assets.get(context);
        if (links == null) {
            links = assets(context);
        }
        if (csrf == null) {
            return links;
        }
        return "<meta name=\"csrf-header\" content=\""
                + HtmlUtils.htmlEscape(csrf.getHeaderName())
                + "\">\n  <meta name=\"csrf-token\" content=\""
                + HtmlUtils.htmlEscape(csrf.getToken())
                + "\">\n  "
                + links;
    }

    /** Kept only once every name resolved (the resource chain is ready after start-up). */
    private String assets(String context) {
        boolean resolved = true;
        StringBuilder html = new StringBuilder("<link rel=\"stylesheet\" href=\"");
        String stylesheet = resources.getForLookupPath(STYLESHEET);
        resolved &= stylesheet != null;
        html.append(HtmlUtils.htmlEscape(context + (stylesheet != null ? stylesheet : STYLESHEET)))
                .append("\">");
        for (String script : SCRIPTS) {
            String src = resources.getForLookupPath(script);
            resolved &= src != null;
            html.append("\n  <script src=\"")
                    .append(HtmlUtils.htmlEscape(context + (src != null ? src : script)))
                    .append("\" defer></script>");
        }
        if (resolved) {
            if (assets.size() >= MAX_CACHED) {
                assets.clear();
            }
            assets.put(context, html.toString());
        }
        return html.toString();
    }
}
