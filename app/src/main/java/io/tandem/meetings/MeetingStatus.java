package io.tandem.meetings;

public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
