package io.tandem.meetings.web;

import io.tandem.identity.TandemUser;
import io.tandem.meetings.MeetingManagement;
import io.tandem.meetings.OfficeHour;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.NotFound;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Office hours of a FLASH program: mentors publish open slots, anyone enrolled books one. */
@Controller
class OfficeHourPageController {

    /** A slot as the page shows it, in the viewer's zone and the mentor's. */
    record Shown(OfficeHour slot, String mentor, String mine, String theirs, boolean own) {}

    /** A slot to offer: a day and time in the mentor's zone, and its length in minutes. */
    record OfficeHourForm(
            @Size(max = 40) String date, @Size(max = 40) String time, Integer duration) {

        static final OfficeHourForm EMPTY = new OfficeHourForm(null, null, 30);

        int minutes() {
            return duration == null ? 30 : duration;
        }
    }

    private final MeetingManagement meetings;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final PageForms forms;

    OfficeHourPageController(
            MeetingManagement meetings,
            PeopleManagement people,
            ProgramManagement programs,
            PageForms forms) {
        this.forms = forms;
        this.meetings = meetings;
        this.people = people;
        this.programs = programs;
    }

    @GetMapping("/programs/{id}/office-hours")
    String page(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model) {
        return page(user, profile, id, OfficeHourForm.EMPTY, Map.of(), null, model);
    }

    @PostMapping("/programs/{id}/office-hours")
    String publish(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @Valid OfficeHourForm entered,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        OfficeHourForm form = FormInput.asEntered(entered, binding, OfficeHourForm.class);
        PersonSummary me = me(profile);
        Map<String, String> unreadable = new LinkedHashMap<>();
        Instant from = start(form, me, unreadable);
        var published =
                forms.attemptShowingClash(
                        binding,
                        unreadable,
                        () ->
                                meetings.publishOfficeHour(
                                        user.organisationId(),
                                        new ProgramId(id),
                                        me.id(),
                                        from,
                                        from == null
                                                ? null
                                                : from.plus(Duration.ofMinutes(form.minutes()))));
        if (published.refused(response, model)) {
            return page(
                    user,
                    profile,
                    id,
                    form,
                    MeetingPageController.atDateAndLength(published.errors()),
                    published.problem(),
                    model);
        }
        return "redirect:/programs/" + id + "/office-hours";
    }

    /** The hour's start in the person's zone; null, saying so, when date or time is unreadable. */
    private Instant start(OfficeHourForm form, PersonSummary me, Map<String, String> unreadable) {
        try {
            return LocalDateTime.of(LocalDate.parse(form.date()), LocalTime.parse(form.time()))
                    .atZone(zone(me))
                    .toInstant();
        } catch (DateTimeException | NullPointerException e) {
            unreadable.put("date", "meetings.start.missing");
            return null;
        }
    }

    @PostMapping("/programs/{id}/office-hours/{slot}/book")
    String book(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID slot,
            HttpServletResponse response,
            Model model) {
        PersonSummary me = me(profile);
        var booked =
                forms.attemptShowingClash(
                        () -> meetings.book(user.organisationId(), slot, me.id()));
        if (booked.refused(response, model)) {
            // Nothing was typed: whatever stands in the way is said above the list of hours.
            return page(user, profile, id, OfficeHourForm.EMPTY, Map.of(), booked.said(), model);
        }
        return "redirect:/meetings/" + booked.value().id();
    }

    private String page(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            OfficeHourForm form,
            Map<String, String> errors,
            String problem,
            Model model) {
        PersonSummary me = me(profile);
        ProgramId program = new ProgramId(id);
        List<OfficeHour> slots = meetings.officeHours(user.organisationId(), program, me.id());
        Map<PersonId, PersonSummary> mentors =
                people.findAll(
                        user.organisationId(), slots.stream().map(OfficeHour::mentorId).toList());
        ZoneId mine = zone(me);
        model.addAttribute("program", programs.get(user.organisationId(), program));
        model.addAttribute(
                "slots",
                slots.stream().map(s -> shown(s, mentors.get(s.mentorId()), me, mine)).toList());
        model.addAttribute("mentor", meetings.mentors(user.organisationId(), program, me.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("durations", MeetingPageController.DURATIONS);
        return "meetings/office-hours";
    }

    /** An hour in my zone and in its mentor's. */
    private static Shown shown(OfficeHour s, PersonSummary mentor, PersonSummary me, ZoneId mine) {
        return new Shown(
                s,
                mentor == null ? "" : mentor.name(),
                s.start().atZone(mine).format(MeetingPageController.DAY)
                        + ", "
                        + MeetingPageController.range(s.start(), s.end(), mine),
                MeetingPageController.range(s.start(), s.end(), zone(mentor)),
                s.mentorId().equals(me.id()));
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

    private static PersonSummary me(Optional<PersonSummary> profile) {
        return profile.orElseThrow(() -> new NotFound("meetings.office-hour.not-found"));
    }
}
