package io.tandem.messaging.web;

import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import io.tandem.messaging.MessageText;
import io.tandem.messaging.MessagingManagement;
import io.tandem.messaging.MessagingManagement.ReportedMessage;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramAccess;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.Pager;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reported messages for program managers (of the programs they manage; admins see all): each
 * message alone, with its author and who reported it; nothing else of the conversation. Hiding
 * takes it out of the conversation for everyone.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class ReportsPageController {

    record ReportLine(
            UUID messageId,
            String author,
            String reporter,
            String html,
            Instant sentAt,
            Instant reportedAt) {}

    private static final int PAGE_SIZE = 25;

    private final MessagingManagement messaging;
    private final PeopleManagement people;
    private final ProgramAccess access;

    ReportsPageController(
            MessagingManagement messaging, PeopleManagement people, ProgramAccess access) {
        this.messaging = messaging;
        this.people = people;
        this.access = access;
    }

    @GetMapping("/messaging/reports")
    String reports(
            TandemUser user,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        // A program manager moderates the programs they manage; hiding or dismissing a message of
        // another program answers 404 (MessageOwners).
        Paged<ReportedMessage> paged =
                messaging.reports(
                        user.organisationId(),
                        user.role() == Role.PROGRAM_MANAGER ? access.managed(user) : null,
                        PageQuery.of(Math.max(0, page), PAGE_SIZE));
        List<ReportedMessage> reports = paged.items();
        model.addAttribute("pager", Pager.of(paged, request));
        Set<PersonId> ids = new HashSet<>();
        reports.forEach(
                r -> {
                    ids.add(r.authorId());
                    ids.add(r.reporterId());
                });
        Map<PersonId, PersonSummary> names = people.findAll(user.organisationId(), ids);
        model.addAttribute(
                "reports",
                reports.stream()
                        .map(
                                r ->
                                        new ReportLine(
                                                r.messageId(),
                                                ConversationPageController.name(
                                                        names, r.authorId()),
                                                ConversationPageController.name(
                                                        names, r.reporterId()),
                                                MessageText.html(r.text()),
                                                r.sentAt(),
                                                r.reportedAt()))
                        .toList());
        return "messaging/reports";
    }

    @PostMapping("/messaging/reports/{message}/hide")
    String hide(TandemUser user, @PathVariable UUID message, RedirectAttributes redirect) {
        messaging.hide(user.organisationId(), message);
        redirect.addFlashAttribute("notice", "messaging.reports.hidden");
        return "redirect:/messaging/reports";
    }

    @PostMapping("/messaging/reports/{message}/dismiss")
    String dismiss(TandemUser user, @PathVariable UUID message, RedirectAttributes redirect) {
        messaging.dismiss(user.organisationId(), message);
        redirect.addFlashAttribute("notice", "messaging.reports.dismissed");
        return "redirect:/messaging/reports";
    }
}
