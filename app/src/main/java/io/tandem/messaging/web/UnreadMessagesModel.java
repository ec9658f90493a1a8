package io.tandem.messaging.web;

import io.tandem.identity.TandemUser;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.CurrentPerson;
import io.tandem.people.PersonSummary;
import io.tandem.web.LayoutCount;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's navigation shows the person's unread messages; null for someone without a profile.
 */
@ControllerAdvice
class UnreadMessagesModel {

    private final MessagingManagement messaging;

    UnreadMessagesModel(MessagingManagement messaging) {
        this.messaging = messaging;
    }

    /**
     * Counted only for a page with the layout, before it is rendered (web.ReadBeforeRendering), so
     * JSON answers, htmx fragments and redirects cost no query.
     */
    @ModelAttribute("unreadMessages")
    LayoutCount unread(
            @ModelAttribute("currentUser") TandemUser user,
            @CurrentPerson Supplier<Optional<PersonSummary>> profile) {
        if (user == null || user.email() == null) {
            return null;
        }
        return messaging.unreadCount(
                user.organisationId(), () -> profile.get().map(PersonSummary::id));
    }
}
