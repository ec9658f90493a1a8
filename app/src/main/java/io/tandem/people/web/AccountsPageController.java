package io.tandem.people.web;

import io.tandem.identity.ActivationSummary;
import io.tandem.identity.Role;
import io.tandem.identity.TandemUser;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.shared.PageQuery;
import io.tandem.web.ConflictReturnsTo;
import io.tandem.web.PageForms;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who can sign in: admins see each person's account, and send activation mails to one person or to
 * everyone who cannot sign in yet.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PROGRAM_MANAGER')")
class AccountsPageController {

    private static final int PAGE_SIZE = 50;

    private final PeopleManagement people;
    private final MessageSourceAccessor messages;
    private final PageForms forms;

    AccountsPageController(PeopleManagement people, MessageSource messageSource, PageForms forms) {
        this.forms = forms;
        this.people = people;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/people/accounts")
    String accounts(
            TandemUser user,
            @RequestParam(defaultValue = "false") boolean waiting,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute(
                "overview",
                people.accounts(
                        user.organisationId(),
                        waiting,
                        PageQuery.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("waiting", waiting);
        return "people/accounts";
    }

    @PostMapping("/people/accounts/activations")
    String activateEveryone(TandemUser user, RedirectAttributes redirect) {
        ActivationSummary sent = people.sendActivations(user.organisationId());
        redirect.addFlashAttribute("sent", sent);
        return "redirect:/people/accounts";
    }

    @PostMapping("/people/{id}/activation")
    String activate(TandemUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        var sent =
                forms.attempt(() -> people.sendActivation(user.organisationId(), new PersonId(id)));
        if (sent.refused()) {
            redirect.addFlashAttribute("problem", sent.heading());
        } else {
            redirect.addFlashAttribute("sent", sent.value());
        }
        return "redirect:/people/" + id;
    }

    /**
     * An admin gives the person's account another role; the person's sessions end. A refusal
     * (unknown role, the last admin) comes back as the page's alert.
     */
    @PostMapping("/people/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    @ConflictReturnsTo("/people/{id}")
    String changeRole(
            TandemUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String role,
            RedirectAttributes redirect) {
        Role chosen =
                Arrays.stream(Role.values())
                        .filter(r -> r.name().equals(role))
                        .findFirst()
                        .orElse(null);
        if (forms.attempt(() -> people.changeRole(user.organisationId(), new PersonId(id), chosen))
                .refused()) {
            redirect.addFlashAttribute("problem", messages.getMessage("account.role.invalid"));
        } else {
            redirect.addFlashAttribute("roleChanged", true);
        }
        return "redirect:/people/" + id;
    }
}
