package io.tandem.messaging.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes message rows as HTML, for the conversation page and for every stream event. It is the only
 * place a row's markup lives. Written by hand rather than by a template: a busy instance writes one
 * row per stream for every message, and the template engine's expressions cost a hundred times the
 * string work (JFR: two thirds of a delivery thread's samples were rendering). Every value from a
 * person is escaped; the message text arrives as safe HTML from {@code MessageText}.
 */
@Component
class MessageRows {

    private final MessageSource messages;

    MessageRows(MessageSource messages) {
        this.messages = messages;
    }

    /** The words around a row, in one locale: looked up once per page or stream. */
    record Labels(
            String you,
            String edited,
            String deleted,
            String hidden,
            String edit,
            String delete,
            String report) {}

    Labels labels(Locale locale) {
        return new Labels(
                text("messaging.you", locale),
                text("messaging.edited", locale),
                text("messaging.deleted", locale),
                text("messaging.hidden", locale),
                text("messaging.edit", locale),
                text("messaging.delete", locale),
                text("messaging.report", locale));
    }

    String html(List<MessageRow> rows, Labels labels, CsrfToken csrf) {
        StringBuilder out = new StringBuilder(rows.size() * 900);
        String field = csrfField(csrf);
        rows.forEach(row -> write(out, row, labels, field));
        return out.toString();
    }

    String html(MessageRow row, Labels labels, CsrfToken csrf) {
        StringBuilder out = new StringBuilder(900);
        write(out, row, labels, csrfField(csrf));
        return out.toString();
    }

    private static void write(StringBuilder out, MessageRow m, Labels labels, String csrfField) {
        out.append("<li id=\"m-")
                .append(escape(m.id()))
                .append("\" class=\"message")
                .append(m.mine() ? " mine\"" : "\"");
        if (m.oob()) {
            out.append(" hx-swap-oob=\"true\"");
        }
        out.append(" data-seq=\"").append(m.seq()).append("\">");
        out.append("<p class=\"message-head\"><strong>")
                .append(escape(m.mine() ? labels.you() : m.author()))
                .append("</strong> <time datetime=\"")
                .append(escape(m.isoTime()))
                .append("\">")
                .append(escape(m.time()))
                .append("</time>");
        if (m.edited()) {
            out.append(" <span class=\"muted small\">")
                    .append(escape(labels.edited()))
                    .append("</span>");
        }
        out.append("</p>");
        if (m.deleted()) {
            out.append("<p class=\"message-body muted\">")
                    .append(escape(labels.deleted()))
                    .append("</p>");
        }
        if (m.hidden()) {
            out.append("<p class=\"message-body muted\">")
                    .append(escape(labels.hidden()))
                    .append("</p>");
        }
        if (!m.deleted() && !m.hidden()) {
            out.append("<p class=\"message-body\">").append(m.html()).append("</p>");
            out.append("<div class=\"message-actions\">");
            String base = escape(m.base());
            if (m.editable()) {
                out.append("<a class=\"small\" href=\"")
                        .append(base)
                        .append("/edit\">")
                        .append(escape(labels.edit()))
                        .append("</a> ");
                form(out, base + "/delete", csrfField, labels.delete());
            }
            if (!m.mine()) {
                form(out, base + "/report", csrfField, labels.report());
            }
            out.append("</div>");
        }
        out.append("</li>");
    }

    private static void form(StringBuilder out, String action, String csrfField, String label) {
        out.append("<form method=\"post\" class=\"inline\" action=\"")
                .append(action)
                .append("\">")
                .append(csrfField)
                .append("<button type=\"submit\" class=\"link small\">")
                .append(escape(label))
                .append("</button></form> ");
    }

    private static String csrfField(CsrfToken csrf) {
        return csrf == null
                ? ""
                : "<input type=\"hidden\" name=\""
                        + escape(csrf.getParameterName())
                        + "\" value=\""
                        + escape(csrf.getToken())
                        + "\">";
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, "??" + code + "??", locale);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
