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
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.InputStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
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

    SelfMatchPageController(
            SelfMatchManagement selfMatch,
            SelfMatchRecommendations recommender,
            ProgramManagement programs,
            MessageSource messageSource,
            io.tandem.programs.ProgramAccess access) {
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
        List<Recommendation> recommendations = List.of();
        model.addAttribute("hasMentor", false);
        try {
            recommendations = recommender.top(user.organisationId(), program, me.get().id(), SHOWN);
            model.addAttribute(
                    "hasMentor",
                    recommender.hasMentor(user.organisationId(), program, me.get().id()));
        } catch (InvalidInputException e) {
            response.setStatus(InputStatus.of(e));
            model.addAttribute("refusal", messages(e));
        } catch (Conflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", List.of(messages.getMessage(e)));
        }
        model.addAttribute("recommendations", recommendations);
        return "matching/mentors";
    }

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
        try {
            RequestView sent =
                    selfMatch.request(
                            user.organisationId(),
                            new ProgramId(id),
                            me.get().id(),
                            mentorId == null ? null : new PersonId(mentorId),
                            message);
            redirect.addFlashAttribute(
                    "notice",
                    messages.getMessage("mentors.sent", new Object[] {sent.mentorName()}));
        } catch (InvalidInputException e) {
            // The same card again, with the message as typed and what is wrong beside it.
            String shown = mentors(user, profile, id, model, response);
            response.setStatus(InputStatus.of(e));
            model.addAttribute("asked", mentorId == null ? null : new PersonId(mentorId));
            model.addAttribute("askedMessage", message);
            refused(e, "message", model);
            return shown;
        }
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
        try {
            return answer(
                    user,
                    profile,
                    redirect,
                    me -> {
                        RequestView declined =
                                selfMatch.decline(
                                        user.organisationId(), new RequestId(id), me, reason);
                        return messages.getMessage(
                                "requests.declined", new Object[] {declined.menteeName()});
                    },
                    true);
        } catch (InvalidInputException e) {
            // The request's card again, with the reason as typed and what is wrong beside it.
            String shown = requests(user, profile, 0, incoming, request, model);
            response.setStatus(InputStatus.of(e));
            model.addAttribute("declining", new RequestId(id));
            model.addAttribute("declineReason", reason);
            refused(e, "reason", model);
            return shown;
        }
    }

    /**
     * Puts a refusal on the page: the typed field's message beside it ({@code fieldErrors}), every
     * other reason in the alert at the top.
     */
    private static void refused(InvalidInputException e, String field, Model model) {
        Map<String, String> byField = e.byField();
        model.addAttribute(
                "fieldErrors",
                byField.containsKey(field) ? Map.of(field, byField.get(field)) : Map.of());
        List<String> others =
                e.errors().stream()
                        .filter(error -> !field.equals(error.field()))
                        .map(InputError::message)
                        .toList();
        if (!others.isEmpty()) {
            model.addAttribute("problem", e.getMessage());
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

    private String answer(
            TandemUser user,
            Optional<PersonSummary> profile,
            RedirectAttributes redirect,
            Function<PersonId, String> action) {
        return answer(user, profile, redirect, action, false);
    }

    /** Runs an answer to a request; refused input is the caller's to show when it says so. */
    private String answer(
            TandemUser user,
            Optional<PersonSummary> profile,
            RedirectAttributes redirect,
            Function<PersonId, String> action,
            boolean showsRefusals) {
        Optional<PersonSummary> me = profile;
        if (me.isEmpty()) {
            return "people/no-profile";
        }
        try {
            redirect.addFlashAttribute("notice", action.apply(me.get().id()));
        } catch (InvalidInputException e) {
            if (showsRefusals) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problems", messages(e));
        }
        return "redirect:/requests";
    }

    private static List<String> messages(InvalidInputException e) {
        return e.errors().stream().map(InputError::message).toList();
    }
}
