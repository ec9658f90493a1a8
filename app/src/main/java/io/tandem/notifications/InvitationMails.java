package io.tandem.notifications;

import io.tandem.programs.EnrolmentInvited;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells people they were invited to a program, with the link to enrol. */
@Component
class InvitationMails {

    private final NotificationManagement notifications;
    private final MessageSourceAccessor messages;
    private final String baseUrl;

    InvitationMails(
            NotificationManagement notifications,
            MessageSource messageSource,
            @Value("${tandem.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.messages = new MessageSourceAccessor(messageSource);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void on(EnrolmentInvited invited) {
        String role = messages.getMessage("mail.invitation.role." + invited.role());
        String link = baseUrl + "/programs/" + invited.programId();
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
