package io.tandem.meetings;

import java.time.Instant;

/** A time a meeting could take: {@code start} before {@code end}. */
public record Slot(Instant start, Instant end) {

    boolean overlaps(Slot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
