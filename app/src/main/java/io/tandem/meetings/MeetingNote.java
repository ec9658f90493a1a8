package io.tandem.meetings;

import io.tandem.people.PersonId;
import java.time.Instant;
import java.util.UUID;

/** A note on a meeting; a private one is only ever shown to its author. */
public record MeetingNote(
        UUID id, PersonId author, boolean shared, String body, Instant createdAt) {}
