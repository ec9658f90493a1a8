package io.tandem.meetings;

import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as one of its two people sees it, content included.
 *
 * @param rrule the RFC 5545 recurrence rule, or null for a one-off meeting
 * @param nextStart the next occurrence that has not ended, or null when none is left
 * @param outsidePartnerHours whether the first occurrence falls outside the invited partner's
 *     working hours
 */
public record MeetingView(
        UUID id,
        MentorshipId mentorshipId,
        PersonId organiserId,
        PersonId attendeeId,
        String title,
        String agenda,
        Instant start,
        Instant end,
        String zone,
        Recurrence recurrence,
        String rrule,
        Place place,
        String location,
        int sequence,
        MeetingStatus status,
        Response response,
        Instant nextStart,
        boolean outsidePartnerHours,
        List<Outcome> outcomes) {

    /** Met in a room somewhere rather than at a link: the location is an address to show. */
    public boolean inPerson() {
        return place == Place.IN_PERSON;
    }

    public boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }

    /** Whether an occurrence took place, as one of the two said. */
    public record Outcome(Instant occursAt, boolean held, PersonId answeredBy) {}
}
