package io.tandem.matching;

import org.springframework.context.support.MessageSourceAccessor;

/**
 * What publishing a run would break: mentees who have an active mentor already, and mentors whose
 * places would be exceeded. A run with any of these is stale; a new run leaves them out.
 */
public record Overbooking(int menteesWithMentor, int mentorsOverCapacity) {

    static final Overbooking NONE = new Overbooking(0, 0);

    public boolean any() {
        return menteesWithMentor > 0 || mentorsOverCapacity > 0;
    }

    String message(MessageSourceAccessor messages) {
        return messages.getMessage(
                "match.overbooking", new Object[] {menteesWithMentor, mentorsOverCapacity});
    }
}
