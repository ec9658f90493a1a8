package io.tandem.mentorships;

/**
 * Why a mentorship ended. The first two complete it; the others end it early. {@code
 * PROGRAM_CLOSED} is set by the system only, when the program a pair belongs to closes; {@code
 * INACTIVE} by engagement's inactivity auto-close.
 */
public enum EndReason {
    GOALS_MET,
    PLANNED_END,
    NO_TIME,
    NOT_A_GOOD_FIT,
    LEFT_ORGANISATION,
    OTHER,
    PROGRAM_CLOSED,
    INACTIVE;

    /** The reasons a person or a program manager may choose. */
    public static final java.util.List<EndReason> CHOSEN =
            java.util.List.of(
                    GOALS_MET, PLANNED_END, NO_TIME, NOT_A_GOOD_FIT, LEFT_ORGANISATION, OTHER);

    /** Whether a mentorship ended for this reason counts as completed. */
    public boolean completes() {
        return outcome() == MentorshipStatus.COMPLETED;
    }

    MentorshipStatus outcome() {
        return this == GOALS_MET || this == PLANNED_END || this == PROGRAM_CLOSED
                ? MentorshipStatus.COMPLETED
                : MentorshipStatus.ENDED;
    }
}
