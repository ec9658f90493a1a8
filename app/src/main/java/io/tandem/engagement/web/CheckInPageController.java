package io.tandem.engagement.web;

import io.tandem.engagement.CheckInAnswer;
import io.tandem.engagement.CheckInKind;
import io.tandem.engagement.EngagementManagement;
import io.tandem.identity.TandemUser;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.NotFound;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.FormInput;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's check-in or survey for one of their mentorships; the partner never sees it. */
@Controller
class CheckInPageController {

    record CheckInForm(
            Boolean met,
            Integer usefulness,
            Integer goalProgress,
            @Size(max = 2000) String blocking,
            Boolean shareBlocking,
            Integer awareness,
            Integer connection,
            Integer ideas) {

        static CheckInForm blank() {
            return new CheckInForm(null, null, null, null, false, null, null, null);
        }

        public Integer rating(String question) {
            return switch (question) {
                case "usefulness" -> usefulness;
                case "goalProgress" -> goalProgress;
                case "awareness" -> awareness;
                case "connection" -> connection;
                case "ideas" -> ideas;
                default -> null;
            };
        }

        CheckInAnswer answer() {
            return new CheckInAnswer(
                    met,
                    usefulness,
                    goalProgress,
                    blocking,
                    Boolean.TRUE.equals(shareBlocking),
                    awareness,
                    connection,
                    ideas);
        }
    }

    private final EngagementManagement engagement;
    private final PageForms forms;

    CheckInPageController(EngagementManagement engagement, PageForms forms) {
        this.engagement = engagement;
        this.forms = forms;
    }

    @GetMapping("/mentorships/{id}/check-in")
    String form(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "CHECK_IN") CheckInKind kind,
            Model model) {
        model.addAttribute(
                "due",
                engagement.due(user.organisationId(), new MentorshipId(id), me(profile), kind));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CheckInForm.blank());
        }
        model.addAttribute("kind", kind);
        model.addAttribute("ratings", java.util.List.of(1, 2, 3, 4, 5));
        return "engagement/check-in";
    }

    @PostMapping("/mentorships/{id}/check-in")
    @ConflictReturnsTo("/mentorships/{id}/check-in?kind={kind}")
    String answer(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "CHECK_IN") CheckInKind kind,
            @Valid CheckInForm entered,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CheckInForm form = FormInput.asEntered(entered, binding, CheckInForm.class);
        var answered =
                forms.attempt(
                        binding,
                        () ->
                                engagement.answer(
                                        user.organisationId(),
                                        new MentorshipId(id),
                                        me(profile),
                                        kind,
                                        form.answer()));
        if (answered.refused(response, model)) {
            model.addAttribute("form", form);
            model.addAttribute("errors", answered.errors());
            form(user, profile, id, kind, model);
            return "engagement/check-in";
        }
        redirect.addFlashAttribute("notice", "engagement.check-in.thanks");
        return "redirect:/mentorships/" + id + "/check-in?kind=" + kind;
    }

    private static PersonId me(Optional<PersonSummary> profile) {
        return profile.map(PersonSummary::id)
                .orElseThrow(() -> new NotFound("mentorship.not-found"));
    }
}
