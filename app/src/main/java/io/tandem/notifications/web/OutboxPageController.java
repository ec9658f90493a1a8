package io.tandem.notifications.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.tandem.identity.TandemUser;
import io.tandem.notifications.NotificationManagement;
import io.tandem.shared.PageQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The development outbox: every mail the organisation was sent, readable in the browser, which is
 * where mail ends up when no SMTP server is configured.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxPageController {

    private static final int PAGE_SIZE = 20;

    private final NotificationManagement notifications;

    OutboxPageController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/admin/outbox")
    String outbox(
            TandemUser user,
            @RequestParam(defaultValue = "0") int page,
            HtmxRequest htmx,
            Model model) {
        model.addAttribute(
                "mails",
                notifications.outbox(
                        user.organisationId(), PageQuery.of(Math.max(page, 0), PAGE_SIZE)));
        if (htmx.isHtmxRequest()) {
            return "notifications/fragments/mails :: mails";
        }
        model.addAttribute("smtp", notifications.deliversMail());
        return "notifications/outbox";
    }
}
