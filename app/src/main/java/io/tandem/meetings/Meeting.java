package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.shared.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A meeting between an organiser and the one person they invited: instants plus the organiser's
 * zone, which is where a repeating meeting keeps its wall-clock time. Every change the attendees'
 * calendars must follow raises {@code sequence}.
 */
record Meeting(
        UUID id,
        OrganisationId organisationId,
        MentorshipId mentorshipId,
        PersonId organiserId,
        PersonId attendeeId,
        String title,
        String agenda,
        Instant startsAt,
        Instant endsAt,
        String zone,
        Recurrence recurrence,
        Place place,
        String location,
        int sequence,
        MeetingStatus status,
        Response response,
        Instant createdAt) {

    boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }

    boolean involves(PersonId person) {
        return organiserId.equals(person) || attendeeId.equals(person);
    }

    PersonId partnerOf(PersonId person) {
        return organiserId.equals(person) ? attendeeId : organiserId;
    }

    Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    /** Moves the meeting; the partner is asked again. */
    Meeting reschedule(
            Instant start,
            Instant end,
            String newZone,
            Recurrence newRecurrence,
            String newTitle,
            String newAgenda) {
        active();
        return new Meeting(
                id,
                organisationId,
                mentorshipId,
                organiserId,
                attendeeId,
                newTitle,
                newAgenda,
                start,
                end,
                newZone,
                newRecurrence,
                place,
                location,
                sequence + 1,
                status,
                Response.NEEDS_ACTION,
                createdAt);
    }

    Meeting cancel() {
        active();
        return new Meeting(
                id,
                organisationId,
                mentorshipId,
                organiserId,
                attendeeId,
                title,
                agenda,
                startsAt,
                endsAt,
                zone,
                recurrence,
                place,
                location,
                sequence + 1,
                MeetingStatus.CANCELLED,
                response,
                createdAt);
    }

    /** The invited partner's answer; the organiser has nothing to answer. */
    Meeting respond(PersonId person, Response answer) {
        active();
        if (!attendeeId.equals(person)) {
            throw new Conflict("meetings.respond.organiser");
        }
        return new Meeting(
                id,
                organisationId,
                mentorshipId,
                organiserId,
                attendeeId,
                title,
                agenda,
                startsAt,
                endsAt,
                zone,
                recurrence,
                place,
                location,
                sequence,
                status,
                answer,
                createdAt);
    }

    private void active() {
        if (cancelled()) {
            throw new Conflict("meetings.cancelled");
        }
    }
}
