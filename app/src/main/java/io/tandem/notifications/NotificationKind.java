package io.tandem.notifications;

/** The kinds of notification a person chooses a delivery for. */
public enum NotificationKind {
    NEW_MESSAGE,
    NEW_REQUEST,
    MEETING_CHANGES,
    REMINDERS,
    PROGRAM_NEWS
}
