package io.tandem.notifications;

import java.time.Instant;
import java.util.UUID;

/** An in-app notification. */
public record InboxItemView(UUID id, String text, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
