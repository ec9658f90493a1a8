package io.tandem.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mail in the outbox as its organisation's admins see it.
 *
 * @param sentAt when the SMTP server accepted it, or {@code null}
 * @param error the last delivery error, or {@code null}
 */
public record OutboxMailView(
        UUID id,
        String recipient,
        String subject,
        String text,
        MailStatus status,
        Instant createdAt,
        Instant sentAt,
        String error) {

    /** The body's lines, so a page can keep its line breaks while escaping every one of them. */
    public List<String> lines() {
        return List.of(text.split("\\R", -1));
    }
}
