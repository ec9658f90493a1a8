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
        Details details,
        int sequence,
        MeetingStatus status,
        Response response,
        Instant createdAt) {

    /** What the meeting is about, when it takes place (in the organiser's zone) and where. */
    record Details(
            String title,
            String agenda,
            Instant startsAt,
            Instant endsAt,
            String zone,
            Recurrence recurrence,
            Place place,
            String location) {}

    /** A meeting the organiser just planned with their partner, who is asked to answer. */
    static Meeting invitation(
            UUID id,
            OrganisationId organisation,
            MentorshipId mentorship,
            PersonId organiser,
            PersonId partner,
            Details details,
            Instant now) {
        return new Meeting(
                id,
                organisation,
                mentorship,
                organiser,
                partner,
                details,
                0,
                MeetingStatus.SCHEDULED,
                Response.NEEDS_ACTION,
                now);
    }

    /** A meeting both already agreed to: one held before, recorded now. */
    static Meeting agreed(
            UUID id,
            OrganisationId organisation,
            MentorshipId mentorship,
            PersonId organiser,
            PersonId partner,
            Details details,
            Instant now) {
        return new Meeting(
                id,
                organisation,
                mentorship,
                organiser,
                partner,
                details,
                0,
                MeetingStatus.SCHEDULED,
                Response.ACCEPTED,
                now);
    }

    /** An office hour a mentee booked: outside any mentorship, accepted by booking it. */
    static Meeting booked(
            UUID id,
            OrganisationId organisation,
            PersonId mentor,
            PersonId mentee,
            Details details,
            Instant now) {
        return agreed(id, organisation, null, mentor, mentee, details, now);
    }

    String title() {
        return details.title();
    }

    String agenda() {
        return details.agenda();
    }

    Instant startsAt() {
        return details.startsAt();
    }

    Instant endsAt() {
        return details.endsAt();
    }

    String zone() {
        return details.zone();
    }

    Recurrence recurrence() {
        return details.recurrence();
    }

    Place place() {
        return details.place();
    }

    String location() {
        return details.location();
    }

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
        return Duration.between(startsAt(), endsAt());
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
        Details moved =
                new Details(
                        newTitle,
                        newAgenda,
                        start,
                        end,
                        newZone,
                        newRecurrence,
                        details.place(),
                        details.location());
        return new Meeting(
                id,
                organisationId,
                mentorshipId,
                organiserId,
                attendeeId,
                moved,
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
                details,
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
                details,
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
