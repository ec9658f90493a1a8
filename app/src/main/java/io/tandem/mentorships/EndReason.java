package io.tandem.mentorships;

/**
 * Why a mentorship ended. The first two complete it; the others end it early. {@code
 * PROGRAM_CLOSED} is set by the system only, when the program a pair belongs to closes.
 */
public enum EndReason {
    GOALS_MET,
    PLANNED_END,
    NO_TIME,
    NOT_A_GOOD_FIT,
    LEFT_ORGANISATION,
    OTHER,
    PROGRAM_CLOSED;

    /** The reasons a person or a program manager may choose. */
    public static final java.util.List<EndReason> CHOSEN =
            java.util.List.of(
                    GOALS_MET, PLANNED_END, NO_TIME, NOT_A_GOOD_FIT, LEFT_ORGANISATION, OTHER);

    MentorshipStatus outcome() {
        return this == GOALS_MET || this == PLANNED_END || this == PROGRAM_CLOSED
                ? MentorshipStatus.COMPLETED
                : MentorshipStatus.ENDED;
    }
}
