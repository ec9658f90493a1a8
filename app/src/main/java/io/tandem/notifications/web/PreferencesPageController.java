package io.tandem.notifications.web;

import io.tandem.identity.TandemUser;
import io.tandem.notifications.Delivery;
import io.tandem.notifications.NotificationKind;
import io.tandem.notifications.NotificationManagement;
import io.tandem.notifications.NotificationManagement.Recipient;
import io.tandem.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notification preferences: per kind, in the app only, e-mail now, or a daily digest. Signed in at
 * {@code /settings/notifications}, or from the one-click link every mail carries, which works
 * without signing in; its unsubscribe address takes the RFC 8058 one-click POST.
 */
@Controller
class PreferencesPageController {

    private final NotificationManagement notifications;

    PreferencesPageController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/settings/notifications")
    String mine(TandemUser user, Model model) {
        return page(user.organisationId(), user.email(), "/settings/notifications", model);
    }

    @PostMapping("/settings/notifications")
    String saveMine(TandemUser user, HttpServletRequest request, RedirectAttributes redirect) {
        save(new Recipient(user.organisationId(), user.email()), request);
        redirect.addFlashAttribute("notice", "preferences.saved");
        return "redirect:/settings/notifications";
    }

    @GetMapping("/notifications/preferences/{token}")
    String byLink(@PathVariable String token, Model model) {
        Recipient r = recipient(token);
        return page(r.organisation(), r.email(), "/notifications/preferences/" + token, model);
    }

    @PostMapping("/notifications/preferences/{token}")
    String saveByLink(
            @PathVariable String token, HttpServletRequest request, RedirectAttributes redirect) {
        save(recipient(token), request);
        redirect.addFlashAttribute("notice", "preferences.saved");
        return "redirect:/notifications/preferences/" + token;
    }

    /** RFC 8058 one-click: the mail client POSTs {@code List-Unsubscribe=One-Click} here. */
    @PostMapping("/notifications/preferences/{token}/unsubscribe")
    @ResponseBody
    ResponseEntity<String> unsubscribe(
            @PathVariable String token, @RequestParam NotificationKind kind) {
        Recipient r = recipient(token);
        notifications.choose(r.organisation(), r.email(), kind, Delivery.IN_APP);
        return ResponseEntity.ok("unsubscribed");
    }

    private String page(
            io.tandem.identity.OrganisationId organisation,
            String email,
            String action,
            Model model) {
        model.addAttribute("choices", notifications.preferences(organisation, email));
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("action", action);
        return "notifications/preferences";
    }

    private void save(Recipient r, HttpServletRequest request) {
        Map<NotificationKind, Delivery> current =
                notifications.preferences(r.organisation(), r.email());
        for (NotificationKind kind : NotificationKind.values()) {
            String value = request.getParameter(kind.name());
            if (value == null) {
                continue;
            }
            Delivery choice;
            try {
                choice = Delivery.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw io.tandem.shared.InvalidInputException.unprocessable(
                        "preferences.invalid",
                        java.util.List.of(
                                io.tandem.shared.InputError.field(
                                        kind.name(), "preferences.delivery.invalid")));
            }
            if (current.get(kind) != choice) {
                notifications.choose(r.organisation(), r.email(), kind, choice);
            }
        }
    }

    private Recipient recipient(String token) {
        return notifications
                .recipient(token)
                .orElseThrow(() -> new NotFound("preferences.link.invalid"));
    }
}
