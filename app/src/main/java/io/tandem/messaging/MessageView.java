package io.tandem.messaging;

import io.tandem.people.PersonId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message as the people in the conversation see it. {@code text} is {@code null} once the author
 * deleted it or the program manager hid it.
 *
 * @param seq its place in the conversation
 * @param eventSeq the number of its latest change (post, edit, delete, hide): the stream's event id
 */
public record MessageView(
        UUID id,
        UUID conversationId,
        long seq,
        long eventSeq,
        PersonId authorId,
        String text,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        Instant hiddenAt) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    public boolean edited() {
        return editedAt != null && deletedAt == null && hiddenAt == null;
    }
}
