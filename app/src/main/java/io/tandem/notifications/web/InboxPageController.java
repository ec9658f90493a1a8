package io.tandem.notifications.web;

import io.tandem.identity.TandemUser;
import io.tandem.notifications.InboxItemView;
import io.tandem.notifications.NotificationManagement;
import io.tandem.shared.PageQuery;
import io.tandem.shared.Paged;
import io.tandem.web.LayoutCount;
import io.tandem.web.Pager;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Your in-app notifications; every page's navigation shows how many are unread. */
@Controller
class InboxPageController {

    private final NotificationManagement notifications;

    InboxPageController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(
            TandemUser user,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Paged<InboxItemView> items =
                notifications.inbox(
                        user.organisationId(),
                        user.email(),
                        PageQuery.of(Math.max(0, page), PageQuery.DEFAULT_SIZE));
        model.addAttribute("items", items.items());
        model.addAttribute("pager", Pager.of(items, request));
        return "notifications/inbox";
    }

    @PostMapping("/notifications/read")
    String markRead(TandemUser user) {
        notifications.markRead(user.organisationId(), user.email());
        return "redirect:/notifications";
    }

    @ControllerAdvice
    static class UnreadCount {

        private final NotificationManagement notifications;

        UnreadCount(NotificationManagement notifications) {
            this.notifications = notifications;
        }

        /** Counted only for a page with the layout, as the unread messages are. */
        @ModelAttribute("unreadNotifications")
        LayoutCount unread(@ModelAttribute("currentUser") TandemUser user) {
            if (user == null || user.email() == null) {
                return null;
            }
            return notifications.unreadCount(user.organisationId(), user.email());
        }
    }
}
