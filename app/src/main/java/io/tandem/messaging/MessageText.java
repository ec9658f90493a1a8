package io.tandem.messaging;

import java.util.EnumSet;
import java.util.Locale;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a message's plain text as HTML: every character escaped, line breaks kept, and web and
 * e-mail addresses made into links by the autolink library (the one behind commonmark's autolink
 * extension). Only http, https and mailto links are made: "javascript://…" matches the URL pattern,
 * so the scheme is checked here, not trusted to the extractor.
 */
public final class MessageText {

    private static final LinkExtractor LINKS =
            LinkExtractor.builder()
                    .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL))
                    .build();

    private MessageText() {}

    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        for (Span span : LINKS.extractSpans(text)) {
            String part = text.substring(span.getBeginIndex(), span.getEndIndex());
            String href = span instanceof LinkSpan link ? href(link.getType(), part) : null;
            if (href == null) {
                html.append(escape(part));
            } else {
                html.append("<a href=\"")
                        .append(HtmlUtils.htmlEscape(href))
                        .append("\" rel=\"nofollow noopener noreferrer\">")
                        .append(escape(part))
                        .append("</a>");
            }
        }
        return html.toString();
    }

    private static String href(LinkType type, String part) {
        return switch (type) {
            case WWW -> "https://" + part;
            case EMAIL -> "mailto:" + part;
            case URL -> {
                String lower = part.toLowerCase(Locale.ROOT);
                yield lower.startsWith("http://") || lower.startsWith("https://") ? part : null;
            }
        };
    }

    private static String escape(String part) {
        return HtmlUtils.htmlEscape(part).replace("\r\n", "\n").replace("\n", "<br>\n");
    }
}
