package io.tandem.messaging.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import io.tandem.identity.TandemUser;
import io.tandem.mentorships.MentorshipId;
import io.tandem.messaging.ConversationView;
import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.NotFound;
import io.tandem.web.ConflictReturnsTo;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A conversation at {@code /conversations/{id}}, the list at {@code /conversations}, and the forms
 * that post, edit, delete and report messages. Only the people in the conversation get past {@link
 * #me}; everyone else gets 404.
 */
@Controller
class ConversationPageController {

    record MessageForm(@Size(max = 5000) String text, UUID clientId) {}

    private final MessagingManagement messaging;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageRows rows;

    private final io.tandem.web.PageForms forms;

    ConversationPageController(
            MessagingManagement messaging,
            PeopleManagement people,
            ProgramManagement programs,
            MessageRows rows,
            io.tandem.web.PageForms forms) {
        this.forms = forms;
        this.rows = rows;
        this.messaging = messaging;
        this.people = people;
        this.programs = programs;
    }

    @GetMapping("/mentorships/{id}/conversation")
    String ofMentorship(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id) {
        UUID conversation =
                messaging.conversationOf(user.organisationId(), new MentorshipId(id), me(profile));
        return "redirect:/conversations/" + conversation;
    }

    @GetMapping("/conversations")
    String list(TandemUser user, @CurrentPerson Optional<PersonSummary> profile, Model model) {
        PersonId me = me(profile);
        List<ConversationView> mine = messaging.conversations(user.organisationId(), me);
        Set<PersonId> everyone = new HashSet<>();
        mine.forEach(c -> everyone.addAll(c.members()));
        Map<PersonId, PersonSummary> names = people.findAll(user.organisationId(), everyone);
        model.addAttribute(
                "conversations",
                mine.stream()
                        .map(
                                c ->
                                        new ConversationLine(
                                                c, title(c, me, names), programName(user, c)))
                        .toList());
        return "messaging/list";
    }

    record ConversationLine(ConversationView conversation, String with, String program) {}

    @GetMapping("/conversations/{id}")
    String conversation(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @RequestParam(required = false) Long before,
            CsrfToken csrf,
            Locale locale,
            Model model) {
        return page(
                user,
                profile,
                id,
                before,
                new MessageForm(null, UUID.randomUUID()),
                Map.of(),
                new Rendering(csrf, locale),
                model);
    }

    @PostMapping("/conversations/{id}/messages")
    String post(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @jakarta.validation.Valid MessageForm entered,
            org.springframework.validation.BindingResult binding,
            HtmxRequest htmx,
            CsrfToken csrf,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        MessageForm form = sendable(entered, binding);
        var outcome =
                forms.attempt(
                        binding,
                        () ->
                                messaging.post(
                                        user.organisationId(),
                                        id,
                                        me(profile),
                                        form.clientId(),
                                        form.text()));
        if (outcome.refused(response, model)) {
            Map<String, String> errors = outcome.errors();
            return htmx.isHtmxRequest()
                    ? form(model, id, form, errors)
                    : page(
                            user,
                            profile,
                            id,
                            null,
                            form,
                            errors,
                            new Rendering(csrf, locale),
                            model);
        }
        if (htmx.isHtmxRequest()) {
            response.setHeader(HtmxResponseHeader.HX_TRIGGER.getValue(), "messageSent");
            return form(model, id, new MessageForm(null, UUID.randomUUID()), Map.of());
        }
        return "redirect:/conversations/" + id + "#m-" + outcome.value().id();
    }

    /** The form as typed; a send id that is not one (a tampered form) gets a new one. */
    private static MessageForm sendable(
            MessageForm entered, org.springframework.validation.BindingResult binding) {
        MessageForm typed = io.tandem.web.FormInput.asEntered(entered, binding, MessageForm.class);
        return typed.clientId() == null ? new MessageForm(typed.text(), UUID.randomUUID()) : typed;
    }

    /** The form alone, for htmx: empty after a message went, with its errors when it did not. */
    private static String form(Model model, UUID id, MessageForm form, Map<String, String> errors) {
        model.addAttribute("conversationId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "messaging/fragments/form :: form";
    }

    @GetMapping("/conversations/{id}/messages/{message}/edit")
    String editForm(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID message,
            Model model) {
        PersonId me = me(profile);
        MessageView m = find(user, id, message, me);
        if (!messaging.editable(m, me)) {
            throw new NotFound("messaging.message.not-found");
        }
        model.addAttribute("conversationId", id);
        model.addAttribute("message", m);
        model.addAttribute("text", m.text());
        model.addAttribute("errors", Map.of());
        return "messaging/edit";
    }

    @PostMapping("/conversations/{id}/messages/{message}/edit")
    @ConflictReturnsTo("/conversations/{id}")
    String edit(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID message,
            @RequestParam(required = false) String text,
            Model model,
            HttpServletResponse response) {
        PersonId me = me(profile);
        var outcome =
                forms.attempt(() -> messaging.edit(user.organisationId(), id, message, me, text));
        if (outcome.refused(response, model)) {
            model.addAttribute("conversationId", id);
            model.addAttribute("message", find(user, id, message, me));
            model.addAttribute("text", text);
            model.addAttribute("errors", outcome.errors());
            return "messaging/edit";
        }
        return "redirect:/conversations/" + id + "#m-" + message;
    }

    @PostMapping("/conversations/{id}/messages/{message}/delete")
    @ConflictReturnsTo("/conversations/{id}")
    String delete(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID message) {
        messaging.delete(user.organisationId(), id, message, me(profile));
        return "redirect:/conversations/" + id;
    }

    @PostMapping("/conversations/{id}/messages/{message}/report")
    @ConflictReturnsTo("/conversations/{id}")
    String report(
            TandemUser user,
            @CurrentPerson Optional<PersonSummary> profile,
            @PathVariable UUID id,
            @PathVariable UUID message,
            RedirectAttributes redirect) {
        messaging.report(user.organisationId(), id, message, me(profile));
        redirect.addFlashAttribute("notice", "messaging.report.done");
        return "redirect:/conversations/" + id;
    }

    private String page(
            TandemUser user,
            Optional<PersonSummary> profile,
            UUID id,
            Long before,
            MessageForm form,
            Map<String, String> errors,
            Rendering rendering,
            Model model) {
        PersonId me = me(profile);
        MessagingManagement.ConversationPage opened =
                messaging.open(user.organisationId(), id, me, before);
        ConversationView conversation = opened.conversation();
        List<MessageView> messages = opened.messages();
        Map<PersonId, PersonSummary> names =
                people.findAll(user.organisationId(), conversation.members());
        model.addAttribute("conversation", conversation);
        model.addAttribute("with", title(conversation, me, names));
        model.addAttribute("program", programName(user, conversation));
        model.addAttribute("messages", messages);
        model.addAttribute("rows", rows(messages, names, me, rendering));
        model.addAttribute(
                "older",
                messages.size() == MessagingManagement.PAGE ? messages.get(0).seq() : null);
        model.addAttribute("live", before == null);
        model.addAttribute("conversationId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "messaging/conversation";
    }

    /** What the rows' HTML depends on besides the messages: the form token and the language. */
    private record Rendering(CsrfToken csrf, Locale locale) {}

    /** The rows' HTML, as the stream sends them. */
    private String rows(
            List<MessageView> messages,
            Map<PersonId, PersonSummary> names,
            PersonId me,
            Rendering rendering) {
        ZoneId zone = zone(names.get(me));
        return rows.html(
                messages.stream()
                        .map(
                                m ->
                                        MessageRow.of(
                                                m,
                                                name(names, m.authorId()),
                                                m.authorId().equals(me),
                                                messaging.editable(m, me),
                                                zone,
                                                false))
                        .toList(),
                rendering.locale(),
                rendering.csrf());
    }

    private MessageView find(TandemUser user, UUID id, UUID message, PersonId me) {
        return messaging.message(user.organisationId(), id, message, me);
    }

    private String programName(TandemUser user, ConversationView c) {
        return programs.get(user.organisationId(), c.programId()).name();
    }

    static String title(ConversationView c, PersonId me, Map<PersonId, PersonSummary> names) {
        return String.join(
                ", ",
                c.members().stream()
                        .filter(p -> !p.equals(me))
                        .map(p -> name(names, p))
                        .sorted()
                        .toList());
    }

    static String name(Map<PersonId, PersonSummary> names, PersonId id) {
        PersonSummary p = names.get(id);
        return p == null ? "?" : p.name();
    }

    static ZoneId zone(PersonSummary person) {
        try {
            return person == null || person.timeZone() == null
                    ? ZoneOffset.UTC
                    : ZoneId.of(person.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The signed-in person; someone without a profile is in no conversation, so sees nothing. */
    private static PersonId me(Optional<PersonSummary> profile) {
        return profile.map(PersonSummary::id)
                .orElseThrow(() -> new NotFound("messaging.conversation.not-found"));
    }
}
