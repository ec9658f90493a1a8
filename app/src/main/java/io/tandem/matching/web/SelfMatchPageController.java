package io.tandem.matching.web;

import io.tandem.identity.TandemUser;
import io.tandem.matching.Recommendation;
import io.tandem.matching.RequestId;
import io.tandem.matching.RequestView;
import io.tandem.matching.SelfMatchManagement;
import io.tandem.matching.SelfMatchRecommendations;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.InputError;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.PageForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A mentee finds a mentor and asks them; a mentor answers the requests they received. */
@Controller
class SelfMatchPageController {

    static final int SHOWN = 6;

    private final SelfMatchManagement selfMatch;
    private final SelfMatchRecommendations recommender;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;

    private final io.tandem.programs.ProgramAccess access;
    private final PageForms forms;

    SelfMatchPageController(
            SelfMatchManagement selfMatch,
            SelfMatchRecommendations recommender,
            ProgramManagement programs,
            MessageSource messageSource,
            io.tandem.programs.ProgramAccess access,
            PageForms forms) {
        this.forms = forms;
        this.access = access;
        this.selfMatch = selfMatch;
        this.recommender = recommender;
        this.programs = programs;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/programs/{id}/mentors")
    String mentors(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            Model model,
            HttpServletResponse response) {
        Optional<PersonSummary> me = profile;
        if (me.isEmpty()) {
            return "people/no-profile";
        }
        ProgramId program = new ProgramId(id);
        // as on the program's own page: a draft is not there for its future mentees yet
        ProgramView view = access.visible(user, program);
        model.addAttribute("program", view);
        var offer =
                forms.attemptShowingClash(
                        () ->
                                new Offer(
                                        recommender.top(
                                                user.organisationId(),
                                                program,
                                                me.get().id(),
                                                SHOWN),
                                        recommender.hasMentor(
                                                user.organisationId(), program, me.get().id())));
        if (offer.refused()) {
            // Not a mentee here, or not open: said where the mentors would be.
            response.setStatus(offer.status());
            model.addAttribute("refusal", offer.reasons());
        }
        model.addAttribute(
                "recommendations", offer.refused() ? List.of() : offer.value().recommendations());
        model.addAttribute("hasMentor", !offer.refused() && offer.value().hasMentor());
        return "matching/mentors";
    }

    /** The mentors a mentee may ask, and whether they already have one. */
    private record Offer(List<Recommendation> recommendations, boolean hasMentor) {}

    @PostMapping("/programs/{id}/requests")
    @ConflictReturnsTo("/programs/{id}/mentors")
    String request(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID mentorId,
            @RequestParam(required = false) String message,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        programs.get(user.organisationId(), new ProgramId(id)); // 404 before any word on the form
        Optional<PersonSummary> me = profile;
        if (me.isEmpty()) {
            return "people/no-profile";
        }
        var sent =
                forms.attempt(
                        () ->
                                selfMatch.request(
                                        user.organisationId(),
                                        new ProgramId(id),
                                        me.get().id(),
                                        mentorId == null ? null : new PersonId(mentorId),
                                        message));
        if (sent.refused()) {
            // The same card again, with the message as typed and what is wrong beside it.
            String shown = mentors(user, profile, id, model, response);
            response.setStatus(sent.status());
            model.addAttribute("asked", mentorId == null ? null : new PersonId(mentorId));
            model.addAttribute("askedMessage", message);
            refused(sent, "message", model);
            return shown;
        }
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage("mentors.sent", new Object[] {sent.value().mentorName()}));
        return "redirect:/programs/" + id + "/mentors";
    }

    static final int REQUESTS_PAGE = 25;

    @GetMapping("/requests")
    String requests(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int incoming,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Optional<PersonSummary> me = profile;
        if (me.isEmpty()) {
            return "people/no-profile";
        }
        // Both lists page in the database: a sought-after mentor can hold hundreds of requests.
        var received =
                selfMatch.received(
                        user.organisationId(),
                        me.get().id(),
                        io.tandem.shared.PageQuery.of(Math.max(0, incoming), REQUESTS_PAGE));
        model.addAttribute("incoming", received.items());
        model.addAttribute(
                "incomingPager",
                io.tandem.web.Pager.of(received, request, "incoming", "incoming-heading"));
        var outgoing =
                selfMatch.sent(
                        user.organisationId(),
                        me.get().id(),
                        io.tandem.shared.PageQuery.of(Math.max(0, page), REQUESTS_PAGE));
        model.addAttribute("outgoing", outgoing.items());
        model.addAttribute(
                "outgoingPager",
                io.tandem.web.Pager.of(outgoing, request, "page", "outgoing-heading"));
        return "matching/requests";
    }

    @PostMapping("/requests/{id}/accept")
    @ConflictReturnsTo("/requests")
    String accept(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            RedirectAttributes redirect) {
        return answer(
                user,
                profile,
                redirect,
                me -> {
                    RequestView accepted =
                            selfMatch.accept(user.organisationId(), new RequestId(id), me);
                    return messages.getMessage(
                            "requests.accepted", new Object[] {accepted.menteeName()});
                });
    }

    @PostMapping("/requests/{id}/decline")
    @ConflictReturnsTo("/requests")
    String decline(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "0") int incoming,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (profile.isEmpty()) {
            return "people/no-profile";
        }
        var declined =
                forms.attempt(
                        () ->
                                selfMatch.decline(
                                        user.organisationId(),
                                        new RequestId(id),
                                        profile.get().id(),
                                        reason));
        if (declined.refused()) {
            // The request's card again, with the reason as typed and what is wrong beside it.
            String shown = requests(user, profile, 0, incoming, request, model);
            response.setStatus(declined.status());
            model.addAttribute("declining", new RequestId(id));
            model.addAttribute("declineReason", reason);
            refused(declined, "reason", model);
            return shown;
        }
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "requests.declined", new Object[] {declined.value().menteeName()}));
        return "redirect:/requests";
    }

    /**
     * Puts a refusal on the page: the typed field's message beside it ({@code fieldErrors}), every
     * other reason in the alert at the top.
     */
    private static void refused(PageForms.Outcome<?> refused, String field, Model model) {
        Map<String, String> byField = refused.errors();
        model.addAttribute(
                "fieldErrors",
                byField.containsKey(field) ? Map.of(field, byField.get(field)) : Map.of());
        List<String> others =
                refused.refusals().stream()
                        .filter(error -> !field.equals(error.field()))
                        .map(InputError::message)
                        .toList();
        if (!others.isEmpty()) {
            model.addAttribute("problem", refused.heading());
            model.addAttribute("problems", others);
        }
    }

    @PostMapping("/requests/{id}/withdraw")
    @ConflictReturnsTo("/requests")
    String withdraw(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            RedirectAttributes redirect) {
        return answer(
                user,
                profile,
                redirect,
                me -> {
                    RequestView withdrawn =
                            selfMatch.withdraw(user.organisationId(), new RequestId(id), me);
                    return messages.getMessage(
                            "requests.withdrawn", new Object[] {withdrawn.mentorName()});
                });
    }

    /** Runs an answer to a request; back to the requests with its notice or what refused it. */
    private String answer(
            TandemUser user,
            Optional<PersonSummary> profile,
            RedirectAttributes redirect,
            Function<PersonId, String> action) {
        Optional<PersonSummary> me = profile;
        if (me.isEmpty()) {
            return "people/no-profile";
        }
        var answered = forms.attempt(() -> action.apply(me.get().id()));
        if (answered.refused()) {
            redirect.addFlashAttribute("problem", answered.heading());
            redirect.addFlashAttribute("problems", answered.reasons());
        } else {
            redirect.addFlashAttribute("notice", answered.value());
        }
        return "redirect:/requests";
    }
}
