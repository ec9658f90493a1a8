package io.tandem.meetings.web;

import io.tandem.identity.TandemUser;
import io.tandem.meetings.MeetingManagement;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.meetings.MeetingView;
import io.tandem.meetings.Place;
import io.tandem.meetings.Recurrence;
import io.tandem.meetings.Response;
import io.tandem.meetings.Slot;
import io.tandem.meetings.VideoSettingManagement;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.NotFound;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pair's meetings: planning from proposed slots (shown in both people's local times) or any
 * time, one meeting with its answer, changes, outcome and notes. Only the two people of the pair
 * get past {@link #me}: everyone else gets 404.
 */
@Controller
class MeetingPageController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final List<Integer> DURATIONS = List.of(30, 45, 60);

    /** The planning form; a chosen slot wins over a typed date and time. */
    record PlanForm(
            @Size(max = 100) String slot,
            @Size(max = 40) String date,
            @Size(max = 40) String time,
            Integer duration,
            @Size(max = 200) String title,
            @Size(max = 10_000) String agenda,
            @Size(max = 20) String recurrence,
            @Size(max = 20) String place,
            @Size(max = 500) String link,
            @Size(max = 500) String address) {}

    record MoveForm(@Size(max = 40) String date, @Size(max = 40) String time, Integer duration) {}

    /** A slot as the page shows it: in my time and in my partner's. */
    record SlotOption(String value, String day, String mine, String theirs) {}

    /** A meeting as the list and the page show it. */
    record Shown(MeetingView meeting, String mine, String theirs, boolean organiser) {}

    private final MeetingManagement meetings;
    private final VideoSettingManagement videos;
    private final WorkspaceManagement workspaces;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageSource messages;
    private final PageForms forms;
    private final Clock clock;

    MeetingPageController(
            MeetingManagement meetings,
            VideoSettingManagement videos,
            WorkspaceManagement workspaces,
            PeopleManagement people,
            ProgramManagement programs,
            MessageSource messages,
            PageForms forms,
            Clock clock) {
        this.clock = clock;
        this.forms = forms;
        this.meetings = meetings;
        this.videos = videos;
        this.workspaces = workspaces;
        this.people = people;
        this.programs = programs;
        this.messages = messages;
    }

    // --- the pair's meetings ---

    @GetMapping("/mentorships/{id}/meetings")
    String list(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model) {
        PersonId me = me(profile);
        List<MeetingView> all =
                meetings.ofMentorship(user.organisationId(), new MentorshipId(id), me);
        Pair pair = pair(user, id, me);
        Instant now = clock.instant();
        model.addAttribute("pair", pair);
        model.addAttribute(
                "upcoming",
                all.stream()
                        .filter(m -> m.nextStart() != null)
                        .map(m -> shown(m, pair, me))
                        .toList());
        model.addAttribute(
                "past",
                all.stream()
                        .filter(m -> m.nextStart() == null)
                        .filter(m -> m.start().isBefore(now) || m.cancelled())
                        .map(m -> shown(m, pair, me))
                        .toList());
        return "meetings/list";
    }

    @GetMapping("/mentorships/{id}/meetings/new")
    String plan(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer duration,
            @RequestParam(required = false) Boolean prompts,
            Model model) {
        PersonId me = me(profile);
        Pair pair = pair(user, id, me);
        int minutes = duration != null && DURATIONS.contains(duration) ? duration : 30;
        String agenda = Boolean.TRUE.equals(prompts) ? prompts(pair.program()) : null;
        PlanForm form =
                new PlanForm(
                        null,
                        null,
                        null,
                        minutes,
                        null,
                        agenda,
                        Recurrence.of(pair.program().meetingCadence()).name(),
                        videos.effective(user.organisationId(), pair.program().id()).rooms()
                                ? Place.VIDEO.name()
                                : Place.LINK.name(),
                        null,
                        null);
        return planPage(user, id, me, pair, form, Map.of(), model);
    }

    @PostMapping("/mentorships/{id}/meetings")
    String create(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid PlanForm entered,
            BindingResult binding,
            HttpServletResponse response,
            Model model) {
        PlanForm form = FormInput.asEntered(entered, binding, PlanForm.class);
        PersonId me = me(profile);
        Pair pair = pair(user, id, me);
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zone = pair.myZone();
        Instant start = start(errors, form.slot(), form.date(), form.time(), zone);
        int minutes = form.duration() == null ? 30 : form.duration();
        Recurrence recurrence = parse(Recurrence.class, form.recurrence(), Recurrence.NONE);
        Place place = parse(Place.class, form.place(), Place.VIDEO);
        PlanMeeting planned =
                new PlanMeeting(
                        form.title(),
                        form.agenda(),
                        start,
                        start == null ? null : start.plus(Duration.ofMinutes(minutes)),
                        zone.getId(),
                        recurrence,
                        place,
                        form.link(),
                        form.address());
        var outcome =
                forms.attemptShowingClash(
                        binding,
                        errors,
                        () ->
                                meetings.plan(
                                        user.organisationId(), new MentorshipId(id), me, planned));
        if (outcome.refused(response, model)) {
            return planPage(user, id, me, pair, form, outcome.errors(), model);
        }
        return "redirect:/meetings/" + outcome.value().id();
    }

    // --- one meeting ---

    @GetMapping("/meetings/{id}")
    String meeting(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model) {
        return meetingPage(user, id, me(profile), Map.of(), null, model);
    }

    @PostMapping("/meetings/{id}/respond")
    String respond(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(name = "response", required = false) String answer,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        PersonId me = me(profile);
        return act(
                user,
                id,
                me,
                response,
                model,
                redirect,
                "meetings.answered",
                () ->
                        meetings.respond(
                                user.organisationId(),
                                id,
                                me,
                                parse(Response.class, answer, null)));
    }

    @PostMapping("/meetings/{id}/reschedule")
    String reschedule(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid MoveForm entered,
            BindingResult binding,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        MoveForm form = FormInput.asEntered(entered, binding, MoveForm.class);
        PersonId me = me(profile);
        MeetingView meeting = meetings.get(user.organisationId(), id, me);
        ZoneId zone = myZone(user, me);
        Map<String, String> unreadable = new LinkedHashMap<>();
        Instant start = start(unreadable, null, form.date(), form.time(), zone);
        int minutes =
                form.duration() == null
                        ? (int) Duration.between(meeting.start(), meeting.end()).toMinutes()
                        : form.duration();
        PlanMeeting moved =
                PlanMeeting.move(
                        start, start == null ? null : start.plus(Duration.ofMinutes(minutes)));
        var outcome =
                forms.attemptShowingClash(
                        binding,
                        unreadable,
                        () -> meetings.reschedule(user.organisationId(), id, me, moved));
        if (outcome.refused(response, model)) {
            if (outcome.problem() == null) {
                model.addAttribute("moveForm", form);
            }
            return meetingPage(
                    user, id, me, atDateAndLength(outcome.errors()), outcome.problem(), model);
        }
        redirect.addFlashAttribute("notice", "meetings.moved");
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/cancel")
    String cancel(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        PersonId me = me(profile);
        return act(
                user,
                id,
                me,
                response,
                model,
                redirect,
                "meetings.cancelled.notice",
                () -> meetings.cancel(user.organisationId(), id, me));
    }

    @PostMapping("/meetings/{id}/outcome")
    String outcome(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) Boolean held,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        PersonId me = me(profile);
        return act(
                user,
                id,
                me,
                response,
                model,
                redirect,
                "meetings.outcome.saved",
                () ->
                        meetings.recordOutcome(
                                user.organisationId(), id, me, null, Boolean.TRUE.equals(held)));
    }

    @PostMapping("/meetings/{id}/notes")
    String note(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) Boolean shared,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        PersonId me = me(profile);
        model.addAttribute("noteBody", body);
        return act(
                user,
                id,
                me,
                response,
                model,
                redirect,
                "meetings.note.saved",
                () -> {
                    meetings.addNote(
                            user.organisationId(), id, me, body, Boolean.TRUE.equals(shared));
                    return null;
                });
    }

    // --- helpers ---

    /** The pair as this page needs it: both people, their zones, the program. */
    record Pair(
            MentorshipSummary mentorship,
            PersonSummary self,
            PersonSummary partner,
            ZoneId myZone,
            ZoneId partnerZone,
            ProgramView program) {}

    private Pair pair(TandemUser user, UUID id, PersonId me) {
        MentorshipSummary details =
                workspaces
                        .summaryFor(user.organisationId(), new MentorshipId(id), me)
                        .orElseThrow(() -> new NotFound("meetings.mentorship.not-found"));
        PersonId partnerId =
                me.equals(details.mentorId()) ? details.menteeId() : details.mentorId();
        var two = people.findAll(user.organisationId(), List.of(me, partnerId));
        return new Pair(
                details,
                two.get(me),
                two.get(partnerId),
                zone(two.get(me)),
                zone(two.get(partnerId)),
                programs.get(user.organisationId(), details.programId()));
    }

    private String planPage(
            TandemUser user,
            UUID id,
            PersonId me,
            Pair pair,
            PlanForm form,
            Map<String, String> errors,
            Model model) {
        int minutes = form.duration() == null ? 30 : form.duration();
        List<Slot> slots =
                meetings.slots(
                        user.organisationId(),
                        new MentorshipId(id),
                        me,
                        Duration.ofMinutes(DURATIONS.contains(minutes) ? minutes : 30));
        List<SlotOption> options = new ArrayList<>();
        for (Slot slot : slots) {
            options.add(
                    new SlotOption(
                            slot.start().toString(),
                            slot.start().atZone(pair.myZone()).format(DAY),
                            range(slot.start(), slot.end(), pair.myZone()),
                            range(slot.start(), slot.end(), pair.partnerZone())
                                    + " "
                                    + slot.start().atZone(pair.partnerZone()).format(DAY)));
        }
        model.addAttribute("pair", pair);
        model.addAttribute("form", form);
        model.addAttribute("slots", options);
        model.addAttribute("durations", DURATIONS);
        model.addAttribute("recurrences", Recurrence.values());
        model.addAttribute(
                "videoRooms", videos.effective(user.organisationId(), pair.program().id()).rooms());
        model.addAttribute("errors", typedTimeErrors(form, errors));
        return "meetings/plan";
    }

    /**
     * The module speaks of a meeting's start and end; a form that asks for a date, a time and a
     * length shows them at the date and the length.
     */
    static Map<String, String> atDateAndLength(Map<String, String> errors) {
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach(
                (field, message) ->
                        placed.putIfAbsent(
                                switch (field) {
                                    case "start" -> "date";
                                    case "end" -> "duration";
                                    default -> field;
                                },
                                message));
        return placed;
    }

    /**
     * The module speaks of a meeting's start and end; when no offered slot was chosen, the person
     * typed a date and time, so that is where the refusal shows.
     */
    private static Map<String, String> typedTimeErrors(PlanForm form, Map<String, String> errors) {
        if (form.slot() != null && !form.slot().isBlank()) {
            return errors;
        }
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach(
                (field, message) ->
                        placed.putIfAbsent(
                                "start".equals(field) || "end".equals(field) ? "date" : field,
                                message));
        return placed;
    }

    private String meetingPage(
            TandemUser user,
            UUID id,
            PersonId me,
            Map<String, String> errors,
            String problem,
            Model model) {
        MeetingView meeting = meetings.get(user.organisationId(), id, me);
        PersonId partnerId =
                meeting.organiserId().equals(me) ? meeting.attendeeId() : meeting.organiserId();
        var two = people.findAll(user.organisationId(), List.of(me, partnerId));
        ZoneId mine = zone(two.get(me));
        ZoneId theirs = zone(two.get(partnerId));
        Instant shownStart = meeting.nextStart() != null ? meeting.nextStart() : meeting.start();
        Instant shownEnd = shownStart.plus(Duration.between(meeting.start(), meeting.end()));
        model.addAttribute("m", meeting);
        model.addAttribute("self", two.get(me));
        model.addAttribute("partner", two.get(partnerId));
        model.addAttribute("organiser", meeting.organiserId().equals(me));
        model.addAttribute(
                "mine",
                shownStart.atZone(mine).format(DAY) + ", " + range(shownStart, shownEnd, mine));
        model.addAttribute(
                "theirs",
                shownStart.atZone(theirs).format(DAY) + ", " + range(shownStart, shownEnd, theirs));
        model.addAttribute("started", !meeting.start().isAfter(clock.instant()));
        model.addAttribute("notes", notes(user, id, me, mine));
        model.addAttribute("durations", DURATIONS);
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", new MoveForm(null, null, null));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "meetings/meeting";
    }

    record NoteShown(boolean mine, boolean shared, String body, String on) {}

    /** The meeting's notes I may read: shared ones and my own, dated in my zone. */
    private List<NoteShown> notes(TandemUser user, UUID id, PersonId me, ZoneId mine) {
        return meetings.notes(user.organisationId(), id, me).stream()
                .map(
                        n ->
                                new NoteShown(
                                        n.author().equals(me),
                                        n.shared(),
                                        n.body(),
                                        n.createdAt().atZone(mine).format(DAY)))
                .toList();
    }

    /**
     * A button on the meeting's page: done, back to the page with a notice; refused, the page again
     * with the refusal next to the field (422) or, for a clash, above the page (409).
     */
    private String act(
            TandemUser user,
            UUID id,
            PersonId me,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            String notice,
            java.util.function.Supplier<?> action) {
        var outcome = forms.attemptShowingClash(action);
        if (outcome.refused(response, model)) {
            return meetingPage(user, id, me, outcome.errors(), outcome.problem(), model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/meetings/" + id;
    }

    private Shown shown(MeetingView m, Pair pair, PersonId me) {
        Instant start = m.nextStart() != null ? m.nextStart() : m.start();
        Instant end = start.plus(Duration.between(m.start(), m.end()));
        return new Shown(
                m,
                start.atZone(pair.myZone()).format(DAY) + ", " + range(start, end, pair.myZone()),
                start.atZone(pair.partnerZone()).format(DAY)
                        + ", "
                        + range(start, end, pair.partnerZone()),
                m.organiserId().equals(me));
    }

    static String range(Instant start, Instant end, ZoneId zone) {
        return start.atZone(zone).format(TIME)
                + "\u2013"
                + end.atZone(zone).format(TIME)
                + " ("
                + zone.getId()
                + ")";
    }

    private Instant start(
            Map<String, String> errors, String slot, String date, String time, ZoneId zone) {
        if (slot != null && !slot.isBlank()) {
            try {
                return Instant.parse(slot.strip());
            } catch (DateTimeException e) {
                errors.put("start", "meetings.start.missing");
                return null;
            }
        }
        try {
            LocalDate day = LocalDate.parse(date == null ? "" : date.strip());
            LocalTime at = LocalTime.parse(time == null ? "" : time.strip());
            return LocalDateTime.of(day, at).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.put("start", "meetings.start.missing");
            return null;
        }
    }

    private String prompts(ProgramView program) {
        String template = program.template() == null ? "" : program.template();
        String fallback = text("meetings.prompts.default");
        return messages.getMessage(
                "meetings.prompts." + template, null, fallback, LocaleContextHolder.getLocale());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private ZoneId myZone(TandemUser user, PersonId me) {
        return zone(people.get(user.organisationId(), me));
    }

    private static ZoneId zone(PersonSummary person) {
        try {
            return person == null || person.timeZone() == null || person.timeZone().isBlank()
                    ? ZoneId.of("UTC")
                    : ZoneId.of(person.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static PersonId me(Optional<PersonSummary> profile) {
        return profile.map(PersonSummary::id).orElseThrow(() -> new NotFound("meetings.not-found"));
    }
}
