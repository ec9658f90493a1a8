package io.tandem.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the table rows a page writes in Java (rather than by its template, where dozens of rows of
 * messages and expressions cost most of the page) share: the escaping the template's {@code
 * th:text} does, and the hidden CSRF field a {@code th:action} form gets.
 */
public final class RowHtml {

    private RowHtml() {}

    /**
     * The context path of the request being answered (what {@code @{/…}} writes before a path), or
     * {@code ""} outside a request.
     */
    public static String contextPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                ? web.getRequest().getContextPath()
                : "";
    }

    /**
     * The text escaped for HTML content and attribute values (quoted either way), as the template's
     * {@code th:text} escapes it: {@code & < > " '} become references, every other character is
     * written as it is, since pages are UTF-8 (the encoding-less {@code htmlEscape} would also turn
     * “ or é into named references: the same on screen, a different text for a reader of the
     * markup); nothing for none.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        // What HtmlUtils.htmlEscape(text, "UTF-8") writes, without its look-up per character and
        // its copy of texts with nothing to escape (most of them: names, labels, dates, links).
        for (int i = 0; i < text.length(); i++) {
            if (reference(text.charAt(i)) != null) {
                return escapeFrom(text, i);
            }
        }
        return text;
    }

    private static String escapeFrom(String text, int first) {
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            String reference = reference(c);
            if (reference != null) {
                out.append(reference);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String reference(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }

    /**
     * The message with these arguments, escaped for HTML, or {@code ??code??} when there is none
     * (as a template's {@code #{...}} writes it).
     */
    public static String message(
            MessageSource messages, String code, Locale locale, Object... args) {
        return escape(messages.getMessage(code, args, "??" + code + "??", locale));
    }

    /** The hidden field carrying the request's CSRF token; nothing without a token. */
    public static String csrfField(CsrfToken token) {
        return token == null
                ? ""
                : "<input type=\"hidden\" name=\""
                        + escape(token.getParameterName())
                        + "\" value=\""
                        + escape(token.getToken())
                        + "\">";
    }

    /**
     * Messages without arguments, escaped, kept per locale once read (messages.properties does not
     * change while the application runs): the words a row writer repeats on every row.
     */
    public static final class Words {

        private final MessageSource messages;
        private final Map<Locale, Map<String, String>> words = new ConcurrentHashMap<>();

        public Words(MessageSource messages) {
            this.messages = messages;
        }

        /** The message escaped for HTML, or {@code ??code??} when there is none. */
        public String get(String code, Locale locale) {
            return words.computeIfAbsent(locale, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(code, c -> message(messages, c, locale));
        }
    }
}
