package io.tandem.meetings;

import io.tandem.mentorships.MentorshipId;
import java.time.Instant;
import java.util.UUID;

/**
 * A meeting as program managers, admins and API tokens see it: that it exists and when, never its
 * title, agenda, place or notes.
 *
 * @param held how many occurrences the pair said took place
 */
public record MeetingSummary(
        UUID id,
        MentorshipId mentorshipId,
        Instant start,
        Instant end,
        Recurrence recurrence,
        MeetingStatus status,
        int held) {}
