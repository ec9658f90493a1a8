package io.tandem.notifications;

import io.tandem.programs.EnrolmentInvited;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells people they were invited to a program, in the app and by mail, with the link to enrol. */
@Component
class InvitationMails {

    private final NotificationManagement notifications;
    private final MessageSourceAccessor messages;
    private final Links links;

    InvitationMails(
            NotificationManagement notifications, MessageSource messageSource, Links links) {
        this.notifications = notifications;
        this.messages = new MessageSourceAccessor(messageSource);
        this.links = links;
    }

    @ApplicationModuleListener
    void on(EnrolmentInvited invited) {
        String role = messages.getMessage("mail.invitation.role." + invited.role());
        String link = links.to("/programs/" + invited.programId());
        // In the app too: someone who signs in before reading their mail sees it waiting.
        notifications.notify(
                invited.organisationId(),
                invited.email(),
                messages.getMessage("inbox.invited", new Object[] {invited.programName(), role}),
                "/programs/" + invited.programId() + "/enrol");
        notifications.queueMail(
                invited.organisationId(),
                invited.email(),
                messages.getMessage(
                        "mail.invitation.subject", new Object[] {invited.programName()}),
                messages.getMessage(
                        "mail.invitation.text",
                        new Object[] {invited.name(), invited.programName(), role, link}));
    }
}
