package io.tandem.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingProperties;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The rows the page shows and the streams send, written without a template. */
class MessageRowsTests {

    private final MessageRows rows =
            new MessageRows(
                    messages(),
                    new MessagingProperties(null, null, null, null, null, null, 4, null, 0));
    private final DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t\"<k>");

    @Test
    void aPartnersMessageIsEscapedAndCanBeReportedWithTheFormToken() {
        String html =
                rows.streamed(
                        row(
                                message("<b>hi</b> see https://example.org"),
                                "Eve <img>",
                                false,
                                false),
                        Locale.ENGLISH,
                        csrf);

        assertThat(html)
                .startsWith("<li id=\"m-")
                .contains("class=\"message\"")
                .contains("<strong>Eve &lt;img&gt;</strong>")
                .contains("&lt;b&gt;hi&lt;/b&gt;")
                .contains("<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">")
                .contains("action=\"/conversations/")
                .contains("/report\"")
                .contains("name=\"_csrf\" value=\"t&quot;&lt;k&gt;\"")
                .contains(">Report</button>")
                .doesNotContain("/edit\"")
                .doesNotContain("<img>")
                .doesNotContain("\n");
    }

    @Test
    void myOwnRecentMessageCanBeEditedAndDeletedButNotReported() {
        String html =
                rows.html(List.of(row(message("mine"), "Mia", true, true)), Locale.ENGLISH, csrf);

        assertThat(html)
                .contains("class=\"message mine\"")
                .contains("<strong>You</strong>")
                .contains("/edit\">Edit</a>")
                .contains("/delete\"")
                .doesNotContain("/report\"");
    }

    @Test
    void aDeletedMessageShowsNeitherItsWordsNorActions() {
        MessageView m = message("gone");
        MessageView deleted =
                new MessageView(
                        m.id(),
                        m.conversationId(),
                        m.seq(),
                        m.eventSeq() + 1,
                        m.authorId(),
                        null,
                        m.createdAt(),
                        null,
                        Instant.parse("2026-12-01T10:05:00Z"),
                        null);
        MessageRow replaced =
                MessageRow.of(deleted, "Mia", false, false, ZoneId.of("Europe/Berlin"), true);

        String html = rows.html(List.of(replaced), Locale.ENGLISH, null);

        assertThat(html)
                .contains("hx-swap-oob=\"true\"")
                .contains("This message was deleted.")
                .doesNotContain("gone")
                .doesNotContain("<form");
    }

    @Test
    void aStreamedRowIsOneLineAndThePageKeepsTheMessagesLineBreaks() {
        MessageRow twoLines = row(message("first line\nsecond line"), "Eve", false, false);

        assertThat(rows.streamed(twoLines, Locale.ENGLISH, csrf))
                .contains("first line<br> second line")
                .doesNotContain("\n");
        assertThat(rows.html(List.of(twoLines), Locale.ENGLISH, csrf))
                .contains("first line<br>\nsecond line");
    }

    private static MessageRow row(MessageView m, String author, boolean mine, boolean editable) {
        return MessageRow.of(m, author, mine, editable, ZoneId.of("Europe/Berlin"), false);
    }

    private static MessageView message(String text) {
        return new MessageView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                3,
                new PersonId(UUID.randomUUID()),
                text,
                Instant.parse("2026-12-01T10:00:00Z"),
                null,
                null,
                null);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
