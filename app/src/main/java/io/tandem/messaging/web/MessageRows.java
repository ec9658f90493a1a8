package io.tandem.messaging.web;

import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingProperties;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes message rows as HTML, for the conversation page and for every stream event: the only place
 * a row's markup lives. Written by hand rather than by a template: the page shows fifty rows and a
 * busy instance writes one row per stream for every message, and the template engine's expressions
 * cost far more than the string work (JFR of the page at a million messages: 60 % of the request
 * threads' samples in Thymeleaf). Every value from a person is escaped; the message text arrives as
 * safe HTML from {@code MessageText}.
 *
 * <p>A starting instance writes {@code tandem.messaging.warm-up} made-up rows and stream events
 * before it says it is ready: its first deliveries otherwise run this code before the JIT has
 * compiled it.
 */
@Component
class MessageRows {

    private static final Logger log = LoggerFactory.getLogger(MessageRows.class);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final MessageSource messages;
    private final MessagingProperties properties;
    private final Map<Locale, Labels> labels = new ConcurrentHashMap<>();

    MessageRows(MessageSource messages, MessagingProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** The words around a row, in one locale (messages.properties does not change at run time). */
    record Labels(
            String you,
            String edited,
            String deleted,
            String hidden,
            String edit,
            String delete,
            String report) {}

    Labels labels(Locale locale) {
        return labels.computeIfAbsent(
                locale,
                l ->
                        new Labels(
                                text("messaging.you", l),
                                text("messaging.edited", l),
                                text("messaging.deleted", l),
                                text("messaging.hidden", l),
                                text("messaging.edit", l),
                                text("messaging.delete", l),
                                text("messaging.report", l)));
    }

    /** The page's rows, in order. */
    String html(List<MessageRow> rows, Locale locale, CsrfToken csrf) {
        StringBuilder out = new StringBuilder(rows.size() * 900);
        Labels words = labels(locale);
        String field = csrfField(csrf);
        rows.forEach(row -> write(out, row, words, field));
        return out.toString();
    }

    /** One row on one line, as a stream sends it (SSE data lines end at a line break). */
    String streamed(MessageRow row, Locale locale, CsrfToken csrf) {
        StringBuilder out = new StringBuilder(900);
        write(out, row, labels(locale), csrfField(csrf));
        String html = out.toString();
        return html.indexOf('\n') < 0 && html.indexOf('\r') < 0
                ? html
                : LINE_BREAKS.matcher(html).replaceAll(" ").strip();
    }

    private static void write(StringBuilder out, MessageRow m, Labels words, String csrfField) {
        out.append("<li id=\"m-")
                .append(escape(m.id()))
                .append("\" class=\"message")
                .append(m.mine() ? " mine\"" : "\"");
        if (m.oob()) {
            out.append(" hx-swap-oob=\"true\"");
        }
        out.append(" data-seq=\"").append(m.seq()).append("\">");
        head(out, m, words);
        if (m.deleted()) {
            out.append("<p class=\"message-body muted\">")
                    .append(escape(words.deleted()))
                    .append("</p>");
        }
        if (m.hidden()) {
            out.append("<p class=\"message-body muted\">")
                    .append(escape(words.hidden()))
                    .append("</p>");
        }
        if (!m.deleted() && !m.hidden()) {
            out.append("<p class=\"message-body\">").append(m.html()).append("</p>");
            actions(out, m, words, csrfField);
        }
        out.append("</li>");
    }

    private static void head(StringBuilder out, MessageRow m, Labels words) {
        out.append("<p class=\"message-head\"><strong>")
                .append(escape(m.mine() ? words.you() : m.author()))
                .append("</strong> <time datetime=\"")
                .append(escape(m.isoTime()))
                .append("\">")
                .append(escape(m.time()))
                .append("</time>");
        if (m.edited()) {
            out.append(" <span class=\"muted small\">")
                    .append(escape(words.edited()))
                    .append("</span>");
        }
        out.append("</p>");
    }

    private static void actions(StringBuilder out, MessageRow m, Labels words, String csrfField) {
        out.append("<div class=\"message-actions\">");
        String base = escape(m.base());
        if (m.editable()) {
            out.append("<a class=\"small\" href=\"")
                    .append(base)
                    .append("/edit\">")
                    .append(escape(words.edit()))
                    .append("</a> ");
            form(out, base + "/delete", csrfField, words.delete());
        }
        if (!m.mine()) {
            form(out, base + "/report", csrfField, words.report());
        }
        out.append("</div>");
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

    /**
     * Runs once the application has started and before it says it is ready (Spring Boot publishes
     * readiness after this event's listeners return), on the starting thread.
     */
    @EventListener(ApplicationStartedEvent.class)
    void warmUp() {
        if (properties.warmUp() > 0) {
            warmUp(properties.warmUp());
        }
    }

    /** The {@code n}th made-up message: plain, edited, deleted or hidden in turn. */
    private static MessageView madeUp(int n, UUID conversation, PersonId author, Instant at) {
        return new MessageView(
                UUID.randomUUID(),
                conversation,
                n + 1,
                n + 1,
                author,
                n % 5 == 2 ? null : "Warm-up " + n + ", https://example.org/" + n + "\nthanks",
                at,
                n % 5 == 1 ? at : null,
                n % 5 == 2 ? at : null,
                n % 5 == 3 ? at : null);
    }

    /** Writes every kind of row (own, others', edited, deleted, hidden, replacing) as events. */
    private void warmUp(int renders) {
        long started = System.nanoTime();
        UUID conversation = UUID.randomUUID();
        PersonId author = new PersonId(UUID.randomUUID());
        CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "warm-up");
        Instant at = Instant.parse("2026-01-01T09:00:00Z");
        try {
            for (int n = 0; n < renders; n++) {
                MessageView m = madeUp(n, conversation, author, at);
                MessageRow row =
                        MessageRow.of(
                                m, "Warm Up", n % 2 == 0, n % 4 == 0, ZoneOffset.UTC, n % 7 == 0);
                SseEmitter.event()
                        .id(Long.toString(m.eventSeq()))
                        .name("message")
                        .data(streamed(row, n % 3 == 0 ? Locale.ENGLISH : Locale.ROOT, csrf))
                        .build();
            }
            log.info(
                    "Wrote {} message rows to warm up the streams in {} ms",
                    renders,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Warming up the message rows failed: {}", e.toString());
        }
    }
}
