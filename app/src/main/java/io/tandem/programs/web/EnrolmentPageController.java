package io.tandem.programs.web;

import io.tandem.identity.TandemUser;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person enrols themselves while the program's window is open, and may withdraw. */
@Controller
class EnrolmentPageController {

    record EnrolmentForm(
            EnrolmentRole role,
            Integer capacity,
            @Size(max = 4000) String goals,
            @Size(max = 4000) String skillsWanted,
            @Size(max = 4000) String skillsOffered,
            @Size(max = 200) String aspiredDivision,
            @Size(max = 200) String aspiredLocation,
            @Size(max = 4000) String preferences,
            @Size(max = 1000) String availability,
            @Size(max = 64) String timeZone) {

        static EnrolmentForm of(PersonSummary person, ProgramView program) {
            return new EnrolmentForm(
                    EnrolmentRole.MENTEE,
                    program.defaultCapacity(),
                    null,
                    String.join("; ", person.skillsWanted()),
                    String.join("; ", person.skills()),
                    person.aspiredDivision(),
                    person.aspiredLocation(),
                    null,
                    null,
                    person.timeZone());
        }

        Enrol enrol(PersonSummary person) {
            return new Enrol(
                    person.id(),
                    null,
                    role,
                    role == EnrolmentRole.MENTOR ? capacity : null,
                    goals,
                    split(skillsWanted),
                    split(skillsOffered),
                    aspiredDivision,
                    aspiredLocation,
                    preferences,
                    availability,
                    timeZone);
        }

        private static List<String> split(String text) {
            return text == null ? List.of() : Arrays.asList(text.split("[;,]"));
        }
    }

    private final ProgramManagement programs;
    private final EnrolmentManagement enrolling;
    private final PeopleManagement people;
    private final MessageSourceAccessor messages;

    private final io.tandem.programs.ProgramAccess access;
    private final PageForms forms;

    EnrolmentPageController(
            ProgramManagement programs,
            EnrolmentManagement enrolling,
            PeopleManagement people,
            MessageSource messageSource,
            io.tandem.programs.ProgramAccess access,
            PageForms forms) {
        this.programs = programs;
        this.enrolling = enrolling;
        this.people = people;
        this.messages = new MessageSourceAccessor(messageSource);
        this.access = access;
        this.forms = forms;
    }

    @GetMapping("/programs/{id}/enrol")
    String form(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> person,
            @PathVariable UUID id,
            Model model) {
        ProgramView program = access.visible(user, new ProgramId(id));
        if (person.isEmpty()) {
            return "people/no-profile";
        }
        return page(program, EnrolmentForm.of(person.get(), program), Map.of(), user, model);
    }

    private String page(
            ProgramView program,
            EnrolmentForm form,
            Map<String, String> errors,
            TandemUser user,
            Model model) {
        model.addAttribute("program", program);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("open", program.enrolmentOpen(programs.today()));
        model.addAttribute("values", people.values(user.organisationId()));
        model.addAttribute("zones", PeopleManagement.TIME_ZONES);
        model.addAttribute("roles", EnrolmentRole.values());
        return "programs/enrol";
    }

    @PostMapping("/programs/{id}/enrol")
    String enrol(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> person,
            @PathVariable UUID id,
            @Valid EnrolmentForm entered,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        EnrolmentForm form = FormInput.asEntered(entered, binding, EnrolmentForm.class);
        ProgramView program = access.visible(user, new ProgramId(id));
        if (person.isEmpty()) {
            return "people/no-profile";
        }
        if (!program.enrolmentOpen(programs.today())) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", messages.getMessage("enrolment.window-closed"));
            return page(program, form, Map.of(), user, model);
        }
        var enrolled =
                forms.attemptShowingClash(
                        binding,
                        () ->
                                enrolling.enrol(
                                        user.organisationId(),
                                        program.id(),
                                        form.enrol(person.get())));
        if (enrolled.refused(response, model)) {
            return page(program, form, enrolled.errors(), user, model);
        }
        redirect.addFlashAttribute("notice", "enrolment.status." + enrolled.value().status());
        return "redirect:/programs/" + id;
    }

    @PostMapping("/programs/{id}/enrolments/{enrolment}/withdraw")
    @ConflictReturnsTo("/programs/{id}")
    String withdraw(
            TandemUser user,
            @PathVariable UUID id,
            @PathVariable UUID enrolment,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    String mentorship,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false")
                    boolean confirmed,
            RedirectAttributes redirect) {
        EnrolmentView view = access.withdrawable(user, new EnrolmentId(enrolment));
        // Declining an invitation is one click; leaving a program asks first.
        if (!confirmed && view.status() != EnrolmentStatus.INVITED) {
            return "redirect:/programs/" + id + "/enrolments/" + enrolment + "/withdraw";
        }
        enrolling.withdraw(user, view.id(), "end".equals(mentorship));
        redirect.addFlashAttribute("notice", "enrolment.withdrawn");
        return "redirect:/programs/" + id;
    }
}
