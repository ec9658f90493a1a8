package io.tandem.people.web;

import io.tandem.identity.TandemUser;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PeopleManagement.DayHours;
import io.tandem.people.PersonSummary;
import io.tandem.people.WorkingHours;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Your own working hours, in your own time zone, at {@code /profile/hours}. */
@Controller
class WorkingHoursPageController {

    /** One row of the form, as the template shows it. */
    record Row(DayOfWeek day, boolean works, String start, String end) {}

    private final PeopleManagement people;
    private final PageForms forms;

    WorkingHoursPageController(PeopleManagement people, PageForms forms) {
        this.forms = forms;
        this.people = people;
    }

    @GetMapping("/profile/hours")
    String edit(TandemUser user, @CurrentPerson Optional<PersonSummary> person, Model model) {
        if (person.isEmpty()) {
            return "people/no-profile";
        }
        WorkingHours hours = people.workingHours(user.organisationId(), person.get().id());
        List<Row> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            WorkingHours.Span span = hours.on(day);
            rows.add(
                    span == null
                            ? new Row(
                                    day,
                                    false,
                                    WorkingHours.DEFAULT_START.toString(),
                                    WorkingHours.DEFAULT_END.toString())
                            : new Row(day, true, span.start().toString(), span.end().toString()));
        }
        return page(model, person.get(), rows, Map.of());
    }

    // Each day's fields arrive as MONDAY.works / MONDAY.start / MONDAY.end.
    @PostMapping("/profile/hours")
    String save(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> person,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (person.isEmpty()) {
            return "people/no-profile";
        }
        List<Row> rows = new ArrayList<>();
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean works = form.containsKey(day.name() + ".works");
            String start = form.get(day.name() + ".start");
            String end = form.get(day.name() + ".end");
            rows.add(new Row(day, works, start, end));
            days.add(new DayHours(day, works, start, end));
        }
        var saved =
                forms.attempt(
                        () ->
                                people.saveWorkingHours(
                                        user.organisationId(), person.get().id(), days));
        if (saved.refused(response, model)) {
            return page(model, person.get(), rows, saved.errors());
        }
        redirect.addFlashAttribute("notice", "working-hours.saved");
        return "redirect:/people/" + person.get().id();
    }

    private static String page(
            Model model, PersonSummary person, List<Row> rows, Map<String, String> errors) {
        model.addAttribute("person", person);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "people/working-hours";
    }
}
