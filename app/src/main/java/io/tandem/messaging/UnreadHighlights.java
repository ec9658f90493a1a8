package io.tandem.messaging;

import io.tandem.home.MentorshipHighlights;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipSummary;
import io.tandem.people.PersonId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The home page's mentorship card says when the conversation has unread messages. */
@Component
class UnreadHighlights implements MentorshipHighlights {

    private final MessagingManagement messaging;
    private final MessageSource messages;

    UnreadHighlights(MessagingManagement messaging, MessageSource messages) {
        this.messaging = messaging;
        this.messages = messages;
    }

    @Override
    public List<Highlight> highlights(
            OrganisationId organisation, MentorshipSummary mentorship, PersonId viewer) {
        // Nothing is created here: a conversation nobody opened yet has no unread messages.
        var unread = messaging.unreadIn(organisation, mentorship, viewer);
        if (unread.isEmpty()) {
            return List.of();
        }
        UUID id = unread.get().conversation();
        long count = unread.get().count();
        return List.of(
                new Highlight(
                        messages.getMessage(
                                "messaging.home.unread",
                                new Object[] {count},
                                LocaleContextHolder.getLocale()),
                        "/conversations/" + id));
    }
}
