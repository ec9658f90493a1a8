package io.tandem.messaging.web;

import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingProperties;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A message row as a stream sends it: the page's own fragment ({@code messaging/fragments/message})
 * rendered outside a request, on one line.
 *
 * <p>Once the application is ready it renders {@code tandem.messaging.warm-up} made-up rows on a
 * thread of its own: a new instance's first deliveries otherwise parse the template and run the
 * template engine's code before the JIT has compiled it (the bench's first seconds on a fresh
 * instance delivered in 1.7 s where a warm one takes 11 ms at p99).
 */
@Component
class StreamRows {

    private static final Logger log = LoggerFactory.getLogger(StreamRows.class);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final ITemplateEngine templates;
    private final MessagingProperties properties;

    StreamRows(ITemplateEngine templates, MessagingProperties properties) {
        this.templates = templates;
        this.properties = properties;
    }

    /** The row's HTML on one line (SSE data lines end at a line break; HTML does not need them). */
    String render(MessageRow row, CsrfToken csrf, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("m", row);
        context.setVariable("csrf", csrf);
        String html = templates.process("messaging/fragments/message", Set.of("message"), context);
        return LINE_BREAKS.matcher(html).replaceAll(" ").strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        int renders = properties.warmUp();
        if (renders <= 0) {
            return;
        }
        Thread thread = new Thread(() -> warmUp(renders), "messaging-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Renders every kind of row (own, others', edited, deleted, hidden, replacing) a few times. */
    void warmUp(int renders) {
        long started = System.nanoTime();
        UUID conversation = UUID.randomUUID();
        PersonId author = new PersonId(UUID.randomUUID());
        CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "warm-up");
        Instant at = Instant.parse("2026-01-01T09:00:00Z");
        try {
            for (int n = 0; n < renders; n++) {
                MessageView m =
                        new MessageView(
                                UUID.randomUUID(),
                                conversation,
                                n + 1,
                                n + 1,
                                author,
                                n % 5 == 2
                                        ? null
                                        : "Warm-up "
                                                + n
                                                + ", see https://example.org/"
                                                + n
                                                + "\nthanks",
                                at,
                                n % 5 == 1 ? at : null,
                                n % 5 == 2 ? at : null,
                                n % 5 == 3 ? at : null);
                render(
                        MessageRow.of(
                                m, "Warm Up", n % 2 == 0, n % 4 == 0, ZoneOffset.UTC, n % 7 == 0),
                        csrf,
                        n % 3 == 0 ? Locale.ENGLISH : Locale.getDefault());
            }
            log.info(
                    "Rendered {} message rows to warm up the streams in {} ms",
                    renders,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Warming up the message rows failed: {}", e.toString());
        }
    }
}
