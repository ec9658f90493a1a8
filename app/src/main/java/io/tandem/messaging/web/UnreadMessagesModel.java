package io.tandem.messaging.web;

import io.tandem.identity.TandemUser;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's navigation shows the person's unread messages; null for someone without a profile.
 */
@ControllerAdvice
class UnreadMessagesModel {

    private final MessagingManagement messaging;
    private final PeopleManagement people;

    UnreadMessagesModel(MessagingManagement messaging, PeopleManagement people) {
        this.messaging = messaging;
        this.people = people;
    }

    @ModelAttribute("unreadMessages")
    Long unread(@ModelAttribute("currentUser") TandemUser user) {
        if (user == null || user.email() == null) {
            return null;
        }
        return people.findByEmail(user.organisationId(), user.email())
                .map(p -> messaging.unread(user.organisationId(), p.id()))
                .orElse(null);
    }
}
