package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkingHours;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings module's API. Content (title, agenda, place, notes) is for the two people of the
 * meeting only: every such query takes the person asking and answers "not found" to anyone else.
 * Program managers, admins and API tokens get {@link MeetingSummary} metadata.
 */
@Service
public class MeetingManagement {

    static final Duration MIN_LENGTH = Duration.ofMinutes(15);
    static final Duration MAX_LENGTH = Duration.ofMinutes(240);
    static final int MAX_TITLE = 200;
    static final int MAX_AGENDA = 10_000;
    static final int MAX_LOCATION = 500;
    static final int MAX_NOTE = 10_000;

    /**
     * What a person asks for when planning or moving a meeting. {@code zone} defaults to the
     * organiser's own; {@code recurrence} to the program's cadence; {@code place} to a generated
     * video room.
     *
     * @param link an https video link the pair pasted, for {@link Place#LINK}
     * @param address where they meet, for {@link Place#IN_PERSON}
     */
    public record PlanMeeting(
            String title,
            String agenda,
            Instant start,
            Instant end,
            String zone,
            Recurrence recurrence,
            Place place,
            String link,
            String address) {

        /** A move to another time: nothing else changes. */
        public static PlanMeeting move(Instant start, Instant end) {
            return new PlanMeeting(null, null, start, end, null, null, null, null, null);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Meetings meetings;
    private final OfficeHours officeHours;
    private final WorkspaceManagement workspaces;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final MeetingMails mails;
    private final MeetingReminders reminders;
    private final MeetingsProperties properties;
    private final ApplicationEventPublisher events;
    private final VideoSettingManagement videos;
    private final org.springframework.context.support.MessageSourceAccessor messages;
    private final Clock clock;

    MeetingManagement(
            Meetings meetings,
            OfficeHours officeHours,
            WorkspaceManagement workspaces,
            PeopleManagement people,
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            MeetingMails mails,
            MeetingReminders reminders,
            MeetingsProperties properties,
            ApplicationEventPublisher events,
            VideoSettingManagement videos,
            org.springframework.context.MessageSource messageSource,
            Clock clock) {
        this.meetings = meetings;
        this.officeHours = officeHours;
        this.workspaces = workspaces;
        this.people = people;
        this.programs = programs;
        this.enrolling = enrolling;
        this.mails = mails;
        this.reminders = reminders;
        this.properties = properties;
        this.events = events;
        this.videos = videos;
        this.messages =
                new org.springframework.context.support.MessageSourceAccessor(messageSource);
        this.clock = clock;
    }

    // --- slots ---

    /**
     * The next slots of {@code length} inside both people's working hours over the coming weeks,
     * clear of the pair's other meetings. Times only: anyone who may see the mentorship may ask.
     */
    @Transactional(readOnly = true)
    public List<Slot> slots(OrganisationId organisation, MentorshipId id, Duration length) {
        MentorshipSummary pair = workspaces.summary(organisation, id);
        return slots(organisation, pair, length);
    }

    /** {@link #slots(OrganisationId, MentorshipId, Duration)} for one of the two; 404 otherwise. */
    @Transactional(readOnly = true)
    public List<Slot> slots(
            OrganisationId organisation, MentorshipId id, PersonId viewer, Duration length) {
        MentorshipSummary pair;
        try {
            pair = workspaces.summary(organisation, id);
        } catch (NotFound e) {
            throw new NotFound("meetings.mentorship.not-found");
        }
        if (viewer == null || !(viewer.equals(pair.mentorId()) || viewer.equals(pair.menteeId()))) {
            throw new NotFound("meetings.mentorship.not-found");
        }
        return slots(organisation, pair, length);
    }

    // Slots need only the two people: the pair's summary, not the whole workspace (agreement,
    // goals, action items), which cost most of a proposal's time.
    private List<Slot> slots(OrganisationId organisation, MentorshipSummary pair, Duration length) {
        List<InputError> errors = new ArrayList<>();
        if (length == null
                || length.compareTo(MIN_LENGTH) < 0
                || length.compareTo(MAX_LENGTH) > 0) {
            errors.add(InputError.field("duration", "meetings.duration.invalid"));
        }
        refuse(errors);
        Map<PersonId, PersonSummary> two =
                people.findAll(organisation, List.of(pair.mentorId(), pair.menteeId()));
        Map<PersonId, WorkingHours> hours =
                people.workingHours(organisation, List.of(pair.mentorId(), pair.menteeId()));
        Instant from = now().plus(Duration.ofHours(1));
        Instant to = from.plus(properties.horizon());
        return SlotPlanner.propose(
                hours.get(pair.mentorId()),
                zoneOf(two.get(pair.mentorId())),
                hours.get(pair.menteeId()),
                zoneOf(two.get(pair.menteeId())),
                busy(organisation, pair.id(), from, to),
                length,
                from,
                to,
                properties.slots());
    }

    private List<Slot> busy(
            OrganisationId organisation, MentorshipId id, Instant from, Instant to) {
        List<Slot> busy = new ArrayList<>();
        for (Meetings.Busy m : meetings.busy(organisation, id, from, to)) {
            Duration length = Duration.between(m.startsAt(), m.endsAt());
            for (Instant start :
                    SlotPlanner.occurrences(
                            m.startsAt(),
                            ZoneId.of(m.zone()),
                            m.recurrence(),
                            from.minus(length),
                            to,
                            500)) {
                busy.add(new Slot(start, start.plus(length)));
            }
        }
        return busy;
    }

    // --- planning and changing ---

    /**
     * Plans a meeting of the pair with {@code organiser} inviting their partner, and sends both the
     * invitation. Any time is allowed; {@link MeetingView#outsidePartnerHours()} says when it falls
     * outside the partner's working hours.
     *
     * @throws InvalidInputException (422) naming each field that is wrong
     * @throws Conflict when the mentorship has ended
     */
    @Transactional
    public MeetingView plan(
            OrganisationId organisation, MentorshipId id, PersonId organiser, PlanMeeting plan) {
        return view(plan(organisation, member(organisation, id, organiser), organiser, plan));
    }

    /**
     * Plans a meeting for the pair on behalf of {@code organiser}, for an admin or program manager;
     * answers its id only, since they see metadata.
     *
     * @throws InvalidInputException when the organiser is not one of the pair, or as {@link #plan}
     */
    @Transactional
    public UUID planFor(
            OrganisationId organisation, MentorshipId id, PersonId organiser, PlanMeeting plan) {
        MentorshipSummary pair = workspaces.summary(organisation, id);
        if (!organiser.equals(pair.mentorId()) && !organiser.equals(pair.menteeId())) {
            refuse(List.of(InputError.field("organiserId", "meetings.organiser.invalid")));
        }
        return plan(organisation, pair, organiser, plan).id();
    }

    private Meeting plan(
            OrganisationId organisation,
            MentorshipSummary pair,
            PersonId organiser,
            PlanMeeting plan) {
        MentorshipId id = pair.id();
        if (pair.status() != MentorshipStatus.ACTIVE) {
            throw new Conflict("meetings.mentorship.ended");
        }
        PersonId partner = organiser.equals(pair.mentorId()) ? pair.menteeId() : pair.mentorId();
        Meeting.Details details = details(organisation, pair, organiser, plan);
        UUID meetingId = UUID.randomUUID();
        Instant now = now();
        Meeting meeting =
                Meeting.invitation(meetingId, organisation, id, organiser, partner, details, now);
        meetings.insert(meeting, now);
        mails.invite(meeting);
        reminders.schedule(meeting, now);
        events.publishEvent(new MeetingScheduled(organisation, id, meetingId, plan.start()));
        return meeting;
    }

    /**
     * What the organiser planned, checked as a whole: every field's problem at once; a meeting
     * repeats as the program's cadence says unless the plan says otherwise.
     */
    private Meeting.Details details(
            OrganisationId organisation,
            MentorshipSummary pair,
            PersonId organiser,
            PlanMeeting plan) {
        Recurrence recurrence =
                plan.recurrence() != null
                        ? plan.recurrence()
                        : Recurrence.of(
                                programs.get(organisation, pair.programId()).meetingCadence());
        List<InputError> errors = new ArrayList<>();
        String zone = zone(errors, plan.zone(), people.get(organisation, organiser));
        String title = title(errors, plan.title());
        String agenda = agenda(errors, plan.agenda());
        times(errors, plan.start(), plan.end());
        Place place = plan.place() == null ? Place.VIDEO : plan.place();
        String location = location(errors, organisation, pair, place, plan);
        refuse(errors);
        return new Meeting.Details(
                title, agenda, plan.start(), plan.end(), zone, recurrence, place, location);
    }

    /**
     * Records a one-off video meeting of the pair that has already taken place (held before the
     * pair used Tandem to plan, or the demo's history): no invitation or reminder is sent, the
     * occurrence counts as held ({@link MeetingHeld}) and {@code note}, when given, is shared.
     *
     * @throws InvalidInputException when it has not ended yet, or as {@link #plan}
     */
    @Transactional
    public MeetingView recordPastMeeting(
            OrganisationId organisation,
            MentorshipId id,
            PersonId organiser,
            String title,
            Instant start,
            Instant end,
            String note) {
        MentorshipSummary pair = member(organisation, id, organiser);
        List<InputError> errors = new ArrayList<>();
        String text = title(errors, title);
        if (start == null || end == null || !end.isAfter(start) || end.isAfter(now())) {
            errors.add(InputError.field("end", "meetings.outcome.not-yet"));
        }
        refuse(errors);
        PersonId partner = organiser.equals(pair.mentorId()) ? pair.menteeId() : pair.mentorId();
        VideoSetting video = videos.effective(organisation, pair.programId());
        Instant now = now();
        Meeting meeting =
                Meeting.agreed(
                        UUID.randomUUID(),
                        organisation,
                        id,
                        organiser,
                        partner,
                        oneOff(
                                text,
                                start,
                                end,
                                zoneOf(people.get(organisation, organiser)).getId(),
                                video),
                        now);
        meetings.insert(meeting, now);
        if (meetings.recordOutcome(organisation, meeting.id(), start, true, organiser, now)) {
            events.publishEvent(new MeetingHeld(organisation, id, meeting.id(), start));
        }
        if (note != null && !note.isBlank()) {
            addNote(organisation, meeting.id(), organiser, note, true);
        }
        return view(meeting);
    }

    /**
     * Moves the meeting (and may retitle it or change its agenda and recurrence); both get the
     * update with a higher SEQUENCE and the partner is asked again.
     */
    @Transactional
    public MeetingView reschedule(
            OrganisationId organisation, UUID id, PersonId person, PlanMeeting plan) {
        Meeting meeting = mine(organisation, id, person);
        List<InputError> errors = new ArrayList<>();
        String zone =
                plan.zone() == null || plan.zone().isBlank()
                        ? meeting.zone()
                        : zone(errors, plan.zone(), null);
        String title = plan.title() == null ? meeting.title() : title(errors, plan.title());
        String agenda = plan.agenda() == null ? meeting.agenda() : agenda(errors, plan.agenda());
        times(errors, plan.start(), plan.end());
        refuse(errors);
        Meeting moved =
                meeting.reschedule(
                        plan.start(),
                        plan.end(),
                        zone,
                        plan.recurrence() == null ? meeting.recurrence() : plan.recurrence(),
                        title,
                        agenda);
        save(moved, meeting.sequence());
        mails.update(moved);
        reminders.schedule(moved, now());
        return view(moved);
    }

    /** Cancels the meeting for both; they get a METHOD:CANCEL. 409 when it is cancelled already. */
    @Transactional
    public MeetingView cancel(OrganisationId organisation, UUID id, PersonId person) {
        Meeting meeting = mine(organisation, id, person);
        Meeting cancelled = meeting.cancel();
        save(cancelled, meeting.sequence());
        meetings.markCancelled(organisation, id, person, now());
        mails.cancel(cancelled);
        return view(cancelled);
    }

    /**
     * Cancels a mentorship's meeting for an admin or program manager (a pair that ended, a person
     * who left); they learn nothing about it beyond {@link MeetingSummary}.
     */
    @Transactional
    public MeetingSummary cancelAsManager(OrganisationId organisation, UUID id) {
        Meeting meeting =
                meetings.find(organisation, id)
                        .orElseThrow(() -> new NotFound("meetings.not-found"));
        Meeting cancelled = meeting.cancel();
        save(cancelled, meeting.sequence());
        meetings.markCancelled(organisation, id, null, now());
        mails.cancel(cancelled);
        return summary(cancelled);
    }

    /** The invited partner accepts or declines; the organiser is told. */
    @Transactional
    public MeetingView respond(
            OrganisationId organisation, UUID id, PersonId person, Response response) {
        if (response == null || response == Response.NEEDS_ACTION) {
            refuse(List.of(InputError.field("response", "meetings.response.invalid")));
        }
        Meeting meeting = mine(organisation, id, person);
        Meeting answered = meeting.respond(person, response);
        save(answered, meeting.sequence());
        mails.answered(answered);
        return view(answered);
    }

    /**
     * Records whether the occurrence starting at {@code occursAt} took place. The first "it took
     * place" for an occurrence publishes {@link MeetingHeld}; saying so again, or the partner
     * saying so too, does not.
     */
    @Transactional
    public MeetingView recordOutcome(
            OrganisationId organisation, UUID id, PersonId person, Instant occursAt, boolean held) {
        Meeting meeting = mine(organisation, id, person);
        if (meeting.cancelled()) {
            throw new Conflict("meetings.cancelled");
        }
        Instant occurrence = occursAt == null ? lastStarted(meeting) : occursAt;
        boolean known =
                occurrence != null
                        && SlotPlanner.occurrences(
                                        meeting.startsAt(),
                                        ZoneId.of(meeting.zone()),
                                        meeting.recurrence(),
                                        occurrence,
                                        occurrence.plusSeconds(1),
                                        1)
                                .contains(occurrence);
        if (!known || occurrence.isAfter(now())) {
            refuse(List.of(InputError.field("occursAt", "meetings.outcome.not-yet")));
        }
        if (meetings.recordOutcome(organisation, id, occurrence, held, person, now())
                && meeting.mentorshipId() != null) {
            events.publishEvent(
                    new MeetingHeld(organisation, meeting.mentorshipId(), id, occurrence));
        }
        return view(meeting);
    }

    /** Adds a note, shared with the partner or private to its author. */
    @Transactional
    public void addNote(
            OrganisationId organisation, UUID id, PersonId person, String body, boolean shared) {
        mine(organisation, id, person);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            refuse(List.of(InputError.field("body", "meetings.note.invalid")));
        }
        meetings.addNote(organisation, id, person, shared, text, now());
    }

    // --- queries ---

    /** The meeting as one of its two people sees it; 404 for anyone else. */
    @Transactional(readOnly = true)
    public MeetingView get(OrganisationId organisation, UUID id, PersonId viewer) {
        return view(mine(organisation, id, viewer));
    }

    /** The notes {@code viewer} may read: shared ones and their own private ones. */
    @Transactional(readOnly = true)
    public List<MeetingNote> notes(OrganisationId organisation, UUID id, PersonId viewer) {
        mine(organisation, id, viewer);
        return meetings.notes(organisation, id, viewer);
    }

    /** The pair's meetings, for one of the two; 404 for anyone else. */
    @Transactional(readOnly = true)
    public List<MeetingView> ofMentorship(
            OrganisationId organisation, MentorshipId id, PersonId viewer) {
        member(organisation, id, viewer);
        return meetings.ofMentorship(organisation, id).stream().map(this::view).toList();
    }

    /** Metadata of a meeting of the organisation. */
    @Transactional(readOnly = true)
    public MeetingSummary summary(OrganisationId organisation, UUID id) {
        return summary(
                meetings.find(organisation, id)
                        .orElseThrow(() -> new NotFound("meetings.not-found")));
    }

    /** Metadata of a mentorship's meetings, for program managers, admins and API tokens. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> summaries(OrganisationId organisation, MentorshipId id) {
        workspaces.summary(organisation, id);
        return meetings.ofMentorship(organisation, id).stream().map(this::summary).toList();
    }

    /** Whether the person is the organiser or the invited partner of this meeting. */
    @Transactional(readOnly = true)
    public boolean takesPart(OrganisationId organisation, UUID id, PersonId person) {
        return person != null
                && meetings.find(organisation, id).map(m -> m.involves(person)).orElse(false);
    }

    /** Whether the person gets meeting reminders by e-mail as well as in the app. */
    @Transactional(readOnly = true)
    public boolean remindsByMail(OrganisationId organisation, PersonId person) {
        return reminders.wantsMail(organisation, person);
    }

    @Transactional
    public void setRemindsByMail(OrganisationId organisation, PersonId person, boolean mail) {
        reminders.setMail(organisation, person, mail);
    }

    // --- office hours (FLASH programs) ---

    /**
     * A mentor of a FLASH program publishes an open slot anyone enrolled may book.
     *
     * @throws Conflict unless the program is FLASH and the person an active mentor in it
     * @throws InvalidInputException naming {@code start} or {@code end} when the times are wrong
     */
    @Transactional
    public OfficeHour publishOfficeHour(
            OrganisationId organisation,
            io.tandem.programs.ProgramId program,
            PersonId mentor,
            Instant start,
            Instant end) {
        flash(organisation, program);
        if (!enrolled(organisation, program, mentor, io.tandem.programs.EnrolmentRole.MENTOR)) {
            throw new Conflict("meetings.office-hour.not-mentor");
        }
        List<InputError> errors = new ArrayList<>();
        times(errors, start, end);
        refuse(errors);
        OfficeHour slot =
                OfficeHour.published(
                        UUID.randomUUID(),
                        program,
                        mentor,
                        start,
                        end,
                        zoneOf(people.get(organisation, mentor)).getId());
        officeHours.insert(organisation, slot, now());
        return slot;
    }

    /** The program's office hours still to come, open and booked, for anyone enrolled in it. */
    @Transactional(readOnly = true)
    public List<OfficeHour> officeHours(
            OrganisationId organisation, io.tandem.programs.ProgramId program, PersonId viewer) {
        flash(organisation, program);
        if (!enrolled(organisation, program, viewer, null)) {
            throw new NotFound("meetings.office-hour.not-found");
        }
        return officeHours.upcoming(organisation, program, now());
    }

    /**
     * Books an open slot: a one-off meeting between the mentor and the person booking, with an
     * invitation to both. Of any number of simultaneous bookings of one slot exactly one wins.
     *
     * @throws Conflict (409) when the slot is taken, or the person is its mentor
     */
    @Transactional
    public MeetingView book(OrganisationId organisation, UUID slotId, PersonId person) {
        OfficeHour slot =
                officeHours
                        .find(organisation, slotId)
                        .filter(s -> enrolled(organisation, s.programId(), person, null))
                        .orElseThrow(() -> new NotFound("meetings.office-hour.not-found"));
        if (slot.mentorId().equals(person)) {
            throw new Conflict("meetings.office-hour.own");
        }
        if (!slot.open()) {
            throw new Conflict("meetings.office-hour.taken");
        }
        if (!slot.start().isAfter(now())) {
            refuse(List.of(InputError.field("start", "meetings.start.past")));
        }
        UUID meetingId = UUID.randomUUID();
        Instant now = now();
        PersonSummary mentor = people.get(organisation, slot.mentorId());
        // Without generated rooms the mentor shares a link: the invitation says so.
        VideoSetting video = videos.effective(organisation, slot.programId());
        Meeting meeting =
                Meeting.booked(
                        meetingId,
                        organisation,
                        slot.mentorId(),
                        person,
                        oneOff(
                                "Office hours with " + mentor.name(),
                                slot.start(),
                                slot.end(),
                                slot.zone(),
                                video),
                        now);
        claim(organisation, slotId, person, meetingId, now);
        meetings.insert(meeting, now);
        mails.invite(meeting);
        reminders.schedule(meeting, now);
        return view(meeting);
    }

    /** Whether the person is an active mentor of the program (and so may publish office hours). */
    @Transactional(readOnly = true)
    public boolean mentors(
            OrganisationId organisation, io.tandem.programs.ProgramId program, PersonId person) {
        return enrolled(organisation, program, person, io.tandem.programs.EnrolmentRole.MENTOR);
    }

    private void flash(OrganisationId organisation, io.tandem.programs.ProgramId program) {
        if (programs.get(organisation, program).format()
                != io.tandem.programs.ProgramFormat.FLASH) {
            throw new Conflict("meetings.office-hour.not-flash");
        }
    }

    private boolean enrolled(
            OrganisationId organisation,
            io.tandem.programs.ProgramId program,
            PersonId person,
            io.tandem.programs.EnrolmentRole role) {
        return person != null
                && enrolling.enrolmentsOf(organisation, person).stream()
                        .anyMatch(
                                e ->
                                        e.programId().equals(program)
                                                && e.status()
                                                        == io.tandem.programs.EnrolmentStatus.ACTIVE
                                                && (role == null || e.role() == role));
    }

    // --- helpers ---

    MeetingView view(Meeting m) {
        Instant now = now();
        List<Instant> next =
                SlotPlanner.occurrences(
                        m.startsAt(),
                        ZoneId.of(m.zone()),
                        m.recurrence(),
                        now.minus(m.duration()),
                        now.plus(Duration.ofDays(800)),
                        1);
        PersonSummary partner = people.find(m.organisationId(), m.attendeeId()).orElse(null);
        boolean outside =
                partner != null
                        && !people.workingHours(m.organisationId(), m.attendeeId())
                                .covers(zoneOf(partner), m.startsAt(), m.endsAt());
        return new MeetingView(
                m.id(),
                m.mentorshipId(),
                m.organiserId(),
                m.attendeeId(),
                m.title(),
                m.agenda(),
                m.startsAt(),
                m.endsAt(),
                m.zone(),
                m.recurrence(),
                m.recurrence().rule(),
                m.place(),
                m.location(),
                m.sequence(),
                m.status(),
                m.response(),
                m.cancelled() || next.isEmpty() ? null : next.get(0),
                outside,
                meetings.outcomes(m.organisationId(), m.id()).stream()
                        .map(o -> new MeetingView.Outcome(o.occursAt(), o.held(), o.answeredBy()))
                        .toList());
    }

    private MeetingSummary summary(Meeting m) {
        int held =
                (int)
                        meetings.outcomes(m.organisationId(), m.id()).stream()
                                .filter(Meetings.Outcome::held)
                                .count();
        return new MeetingSummary(
                m.id(),
                m.mentorshipId(),
                m.startsAt(),
                m.endsAt(),
                m.recurrence(),
                m.status(),
                held);
    }

    /** The latest occurrence that has started, or null. */
    private Instant lastStarted(Meeting m) {
        List<Instant> started =
                SlotPlanner.occurrences(
                        m.startsAt(),
                        ZoneId.of(m.zone()),
                        m.recurrence(),
                        m.startsAt(),
                        now(),
                        5000);
        return started.isEmpty() ? null : started.get(started.size() - 1);
    }

    private void save(Meeting changed, int seen) {
        if (!meetings.update(changed, seen, now())) {
            throw new Conflict("meetings.changed");
        }
    }

    private Meeting mine(OrganisationId organisation, UUID id, PersonId person) {
        return meetings.find(organisation, id)
                .filter(m -> person != null && m.involves(person))
                .orElseThrow(() -> new NotFound("meetings.not-found"));
    }

    private MentorshipSummary member(
            OrganisationId organisation, MentorshipId id, PersonId person) {
        MentorshipSummary pair;
        try {
            pair = workspaces.summary(organisation, id);
        } catch (NotFound e) {
            throw new NotFound("meetings.mentorship.not-found");
        }
        if (person == null || !(person.equals(pair.mentorId()) || person.equals(pair.menteeId()))) {
            throw new NotFound("meetings.mentorship.not-found");
        }
        return pair;
    }

    private void times(List<InputError> errors, Instant start, Instant end) {
        if (start == null) {
            errors.add(InputError.field("start", "meetings.start.missing"));
        } else if (start.isBefore(now())) {
            errors.add(InputError.field("start", "meetings.start.past"));
        }
        if (end == null) {
            errors.add(InputError.field("end", "meetings.end.missing"));
        } else if (start != null) {
            if (!end.isAfter(start)) {
                errors.add(InputError.field("end", "meetings.end.before-start"));
            } else {
                Duration length = Duration.between(start, end);
                if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0) {
                    errors.add(InputError.field("end", "meetings.duration.invalid"));
                }
            }
        }
    }

    private static String zone(List<InputError> errors, String zone, PersonSummary fallback) {
        String id = zone == null || zone.isBlank() ? null : zone.strip();
        if (id == null) {
            return fallback == null ? "UTC" : zoneOf(fallback).getId();
        }
        try {
            // Region ids only: an offset like +02:00 knows nothing of daylight saving.
            if (!ZoneId.getAvailableZoneIds().contains(id)) {
                throw new DateTimeException(id);
            }
            return ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            errors.add(InputError.field("zone", "meetings.zone.invalid"));
            return null;
        }
    }

    private static String title(List<InputError> errors, String title) {
        String text = title == null ? "" : title.strip().replaceAll("\\s*\\R\\s*", " ");
        if (text.isEmpty() || text.length() > MAX_TITLE) {
            errors.add(InputError.field("title", "meetings.title.invalid"));
        }
        return text;
    }

    private static String agenda(List<InputError> errors, String agenda) {
        String text = agenda == null ? null : agenda.strip();
        if (text != null && text.length() > MAX_AGENDA) {
            errors.add(InputError.field("agenda", "meetings.agenda.too-long"));
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /** The place's text; null for a generated room, which is made once the input is valid. */
    static String location(List<InputError> errors, Place place, String link, String address) {
        switch (place) {
            case VIDEO:
                return null;
            case LINK:
                String url = link == null ? "" : link.strip();
                if (!https(url)) {
                    errors.add(InputError.field("link", "meetings.link.invalid"));
                }
                return url;
            case IN_PERSON:
            default:
                String where = address == null ? "" : address.strip();
                if (where.isEmpty() || where.length() > MAX_LOCATION) {
                    errors.add(InputError.field("address", "meetings.address.invalid"));
                }
                return where;
        }
    }

    static boolean https(String url) {
        if (url.isEmpty()
                || url.length() > MAX_LOCATION
                || url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https"
                            .equals(
                                    uri.getScheme() == null
                                            ? null
                                            : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String room() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        StringBuilder room = new StringBuilder("tandem-");
        for (byte b : bytes) {
            room.append(Character.forDigit((b >> 4) & 0xf, 16))
                    .append(Character.forDigit(b & 0xf, 16));
        }
        return room.toString();
    }

    static ZoneId zoneOf(PersonSummary person) {
        try {
            return person == null || person.timeZone() == null || person.timeZone().isBlank()
                    ? ZoneId.of("UTC")
                    : ZoneId.of(person.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * The claim on the slot comes first: of simultaneous bookings, those that lose wait for the
     * winner's commit (or give up waiting) and write nothing.
     */
    private void claim(
            OrganisationId organisation,
            UUID slotId,
            PersonId person,
            UUID meetingId,
            Instant now) {
        boolean won;
        try {
            won = officeHours.book(organisation, slotId, person, meetingId, now);
        } catch (org.springframework.dao.PessimisticLockingFailureException
                | org.springframework.dao.QueryTimeoutException e) {
            // Another booking holds the slot's row (H2 gives up waiting): it is being taken.
            won = false;
        }
        if (!won) {
            throw new Conflict("meetings.office-hour.taken");
        }
    }

    /**
     * Where the pair meets: a room generated for the meeting when it is by video (refused when the
     * program has no rooms), else the link or address given.
     */
    private String location(
            List<InputError> errors,
            OrganisationId organisation,
            MentorshipSummary pair,
            Place place,
            PlanMeeting plan) {
        String given = location(errors, place, plan.link(), plan.address());
        if (place != Place.VIDEO) {
            return given;
        }
        VideoSetting video = videos.effective(organisation, pair.programId());
        if (!video.rooms()) {
            errors.add(InputError.field("place", "meetings.video.none"));
            return given;
        }
        return video.baseUrl() + room();
    }

    /**
     * A meeting that does not repeat and has no agenda: in a generated video room, or in person
     * when the program has none (the invitation says so).
     */
    private Meeting.Details oneOff(
            String title, Instant start, Instant end, String zone, VideoSetting video) {
        return new Meeting.Details(
                title,
                null,
                start,
                end,
                zone,
                Recurrence.NONE,
                video.rooms() ? Place.VIDEO : Place.IN_PERSON,
                video.rooms()
                        ? video.baseUrl() + room()
                        : messages.getMessage("meetings.video.none.office-hours"));
    }

    private static void refuse(List<InputError> errors) {
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable("meetings.invalid", errors);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
