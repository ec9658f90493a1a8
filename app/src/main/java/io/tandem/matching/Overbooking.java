package io.tandem.matching;

import io.tandem.shared.Conflict;

/**
 * What publishing a run would break: mentees who have an active mentor already, and mentors whose
 * places would be exceeded. A run with any of these is stale; a new run leaves them out.
 */
public record Overbooking(int menteesWithMentor, int mentorsOverCapacity) {

    public static final Overbooking NONE = new Overbooking(0, 0);

    public boolean any() {
        return menteesWithMentor > 0 || mentorsOverCapacity > 0;
    }

    Conflict refusal() {
        return new Conflict("match.overbooking", menteesWithMentor, mentorsOverCapacity);
    }
}
