package io.tandem.mentorships;

/** A pair's lifecycle: working together, finished as planned, or ended early. */
public enum MentorshipStatus {
    ACTIVE,
    COMPLETED,
    ENDED
}
