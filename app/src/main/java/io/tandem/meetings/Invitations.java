package io.tandem.meetings;

import io.tandem.people.PersonSummary;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;

/**
 * Meetings as iCalendar (RFC 5545) for iTIP (RFC 5546) mail and the feed: a stable UID per meeting,
 * SEQUENCE raised on every change, times in the organiser's zone with its VTIMEZONE, the video link
 * in LOCATION and URL.
 */
final class Invitations {

    static final String PRODUCT = "-//Tandem//Meetings 1.0//EN";

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    // Building a VTIMEZONE from the bundled definitions costs far more than a feed's events.
    private static final Map<String, VTimeZone> VTIMEZONES = new ConcurrentHashMap<>();

    private Invitations() {}

    /** The meeting as the e-mail attachment for {@code method} (REQUEST or CANCEL). */
    static String message(
            Meeting meeting, PersonSummary organiser, PersonSummary attendee, String method) {
        Calendar calendar = calendar(new Method(method));
        calendar.add(vtimezone(meeting.zone()));
        calendar.add(event(meeting, organiser, attendee, Method.VALUE_CANCEL.equals(method)));
        return calendar.toString();
    }

    /** A person's meetings as a subscription feed. */
    static String feed(Collection<FeedEntry> entries) {
        Calendar calendar = calendar(new Method(Method.VALUE_PUBLISH));
        Set<String> zones = new LinkedHashSet<>();
        List<VEvent> events = new ArrayList<>();
        for (FeedEntry entry : entries) {
            zones.add(entry.meeting().zone());
            events.add(
                    event(
                            entry.meeting(),
                            entry.organiser(),
                            entry.attendee(),
                            entry.meeting().cancelled()));
        }
        zones.forEach(zone -> calendar.add(vtimezone(zone)));
        events.forEach(calendar::add);
        return calendar.toString();
    }

    /** One meeting with the two people in it, for the feed. */
    record FeedEntry(Meeting meeting, PersonSummary organiser, PersonSummary attendee) {}

    private static Calendar calendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(method);
        return calendar;
    }

    private static VEvent event(
            Meeting meeting, PersonSummary organiser, PersonSummary attendee, boolean cancelled) {
        ZoneId zone = ZoneId.of(meeting.zone());
        ZonedDateTime start = meeting.startsAt().atZone(zone);
        ZonedDateTime end = meeting.endsAt().atZone(zone);
        VEvent event = new VEvent(start, end, meeting.title());
        event.add(new Uid(uid(meeting)));
        event.add(new Sequence(meeting.sequence()));
        event.add(new Location(meeting.location()));
        if (meeting.place() != Place.IN_PERSON) {
            event.add(new Url(URI.create(meeting.location())));
        }
        event.add(new Description(description(meeting)));
        if (meeting.recurrence().rule() != null) {
            event.add(new RRule<ZonedDateTime>(meeting.recurrence().rule()));
        }
        Organizer organizer = new Organizer(mailto(organiser));
        organizer.add(new Cn(organiser.name()));
        event.add(organizer);
        event.add(attendee(organiser, PartStat.ACCEPTED));
        event.add(attendee(attendee, partStat(meeting.response())));
        event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }

    static String uid(Meeting meeting) {
        return meeting.id() + "@tandem";
    }

    private static String description(Meeting meeting) {
        StringBuilder text = new StringBuilder();
        if (meeting.agenda() != null && !meeting.agenda().isBlank()) {
            text.append(meeting.agenda().strip()).append("\n\n");
        }
        text.append(meeting.location());
        return text.toString();
    }

    private static Attendee attendee(PersonSummary person, PartStat status) {
        Attendee attendee = new Attendee(mailto(person));
        attendee.add(new Cn(person.name()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(status);
        if (status == PartStat.NEEDS_ACTION) {
            attendee.add(Rsvp.TRUE);
        }
        return attendee;
    }

    private static PartStat partStat(Response response) {
        return switch (response) {
            case ACCEPTED -> PartStat.ACCEPTED;
            case DECLINED -> PartStat.DECLINED;
            case NEEDS_ACTION -> PartStat.NEEDS_ACTION;
        };
    }

    private static URI mailto(PersonSummary person) {
        return URI.create("mailto:" + person.email());
    }

    private static VTimeZone vtimezone(String zone) {
        return VTIMEZONES.computeIfAbsent(zone, id -> ZONES.getTimeZone(id).getVTimeZone());
    }
}
