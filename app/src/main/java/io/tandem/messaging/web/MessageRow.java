package io.tandem.messaging.web;

import io.tandem.messaging.MessageText;
import io.tandem.messaging.MessageView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A message as the conversation page shows it to one viewer: escaped HTML with safe links, the
 * author's name, and which actions are theirs to take.
 *
 * @param oob whether the row replaces one the page already shows (a streamed edit or delete)
 */
record MessageRow(
        String id,
        long seq,
        String author,
        boolean mine,
        String html,
        String time,
        String isoTime,
        boolean edited,
        boolean deleted,
        boolean hidden,
        boolean editable,
        String base,
        boolean oob) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    static MessageRow of(
            MessageView m,
            String author,
            boolean mine,
            boolean editable,
            ZoneId zone,
            boolean oob) {
        return new MessageRow(
                m.id().toString(),
                m.seq(),
                author,
                mine,
                m.text() == null ? "" : MessageText.html(m.text()),
                TIME.format(m.createdAt().atZone(zone)),
                m.createdAt().toString(),
                m.edited(),
                m.deleted(),
                m.hidden(),
                editable,
                "/conversations/" + m.conversationId() + "/messages/" + m.id(),
                oob);
    }
}
