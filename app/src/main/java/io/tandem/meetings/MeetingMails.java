package io.tandem.meetings;

import io.tandem.notifications.CalendarPart;
import io.tandem.notifications.NotificationKind;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.model.property.Method;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Invitations, updates and cancellations to both people, each through the outbox in the caller's
 * transaction with its iCalendar part. The outbox key names the meeting, its SEQUENCE and the
 * recipient: the same change never mails anyone twice, and every change mails everyone once.
 */
@Component
class MeetingMails {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final NotificationManagement notifications;
    private final PeopleManagement people;
    private final MessageSourceAccessor messages;

    MeetingMails(
            NotificationManagement notifications,
            PeopleManagement people,
            MessageSource messageSource) {
        this.notifications = notifications;
        this.people = people;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    void invite(Meeting meeting) {
        send(meeting, "invite", Method.VALUE_REQUEST);
    }

    void update(Meeting meeting) {
        send(meeting, "update", Method.VALUE_REQUEST);
    }

    void cancel(Meeting meeting) {
        send(meeting, "cancel", Method.VALUE_CANCEL);
    }

    /** Tells the organiser what the partner answered, in the app. */
    void answered(Meeting meeting) {
        Map<PersonId, PersonSummary> two = pair(meeting);
        PersonSummary organiser = two.get(meeting.organiserId());
        PersonSummary attendee = two.get(meeting.attendeeId());
        if (organiser == null || attendee == null) {
            return;
        }
        notifications.notify(
                meeting.organisationId(),
                "meeting-answer:"
                        + meeting.id()
                        + ":"
                        + meeting.sequence()
                        + ":"
                        + meeting.response(),
                organiser.email(),
                messages.getMessage(
                        "meetings.inbox." + meeting.response().name().toLowerCase(Locale.ROOT),
                        new Object[] {attendee.name(), meeting.title()}),
                "/meetings/" + meeting.id());
    }

    private void send(Meeting meeting, String kind, String method) {
        Map<PersonId, PersonSummary> two = pair(meeting);
        PersonSummary organiser = two.get(meeting.organiserId());
        PersonSummary attendee = two.get(meeting.attendeeId());
        if (organiser == null || attendee == null) {
            return;
        }
        String ics = Invitations.message(meeting, organiser, attendee, method);
        for (PersonSummary person : List.of(organiser, attendee)) {
            if (person.active()) {
                tell(meeting, kind, new CalendarPart(method, ics), person, organiser, attendee);
            }
        }
    }

    /**
     * One of the two: a mail with the calendar part, and an inbox line (the organiser of a new
     * invitation knows about it already).
     */
    private void tell(
            Meeting meeting,
            String kind,
            CalendarPart calendar,
            PersonSummary person,
            PersonSummary organiser,
            PersonSummary attendee) {
        PersonSummary other = person == organiser ? attendee : organiser;
        String path = "/meetings/" + meeting.id();
        String key = "meeting:" + meeting.id() + ":" + meeting.sequence() + ":" + person.id();
        String when = when(meeting.startsAt(), person);
        Object[] args = {
            meeting.title(),
            when,
            other.name(),
            when(meeting.startsAt(), other),
            meeting.location(),
            notifications.link(path),
            person.firstName(),
            messages.getMessage("meetings.recurrence." + meeting.recurrence())
        };
        notifications.queueMail(
                meeting.organisationId(),
                NotificationKind.MEETING_CHANGES,
                key,
                person.email(),
                messages.getMessage("meetings.mail." + kind + ".subject", args),
                messages.getMessage("meetings.mail." + kind + ".text", args),
                calendar);
        if (person == attendee || !kind.equals("invite")) {
            notifications.notify(
                    meeting.organisationId(),
                    key,
                    person.email(),
                    messages.getMessage("meetings.inbox." + kind, args),
                    path);
        }
    }

    /** "Tue 3 Mar 2027, 14:00 (Europe/London)" in the person's own zone. */
    static String when(Instant instant, PersonSummary person) {
        ZoneId zone = MeetingManagement.zoneOf(person);
        return instant.atZone(zone).format(WHEN) + " (" + zone.getId() + ")";
    }

    private Map<PersonId, PersonSummary> pair(Meeting meeting) {
        return people.findAll(
                meeting.organisationId(), List.of(meeting.organiserId(), meeting.attendeeId()));
    }
}
