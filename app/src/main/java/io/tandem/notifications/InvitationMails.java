package io.tandem.notifications;

import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentInvited;
import io.tandem.programs.ProgramManagement;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells people they were invited to a program, in the app and by mail, with the link to enrol. */
@Component
class InvitationMails {

    private final NotificationManagement notifications;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;
    private final Links links;

    InvitationMails(
            NotificationManagement notifications,
            PeopleManagement people,
            ProgramManagement programs,
            MessageSource messageSource,
            Links links) {
        this.notifications = notifications;
        this.people = people;
        this.programs = programs;
        this.messages = new MessageSourceAccessor(messageSource);
        this.links = links;
    }

    @ApplicationModuleListener
    void on(EnrolmentInvited invited) {
        PersonSummary person =
                people.findAll(invited.organisationId(), List.of(invited.personId()))
                        .get(invited.personId());
        if (person == null) {
            return;
        }
        String program = programs.get(invited.organisationId(), invited.programId()).name();
        String role = messages.getMessage("mail.invitation.role." + invited.role());
        String link = links.to("/programs/" + invited.programId());
        // One key per invitation: handling this event again sends nothing twice.
        String key = "invited:" + invited.enrolmentId() + ":" + invited.invitedAt().toEpochMilli();
        // In the app too: someone who signs in before reading their mail sees it waiting.
        notifications.notify(
                invited.organisationId(),
                key,
                person.email(),
                messages.getMessage("inbox.invited", new Object[] {program, role}),
                "/programs/" + invited.programId() + "/enrol");
        notifications.queueMail(
                invited.organisationId(),
                NotificationKind.PROGRAM_NEWS,
                key,
                person.email(),
                messages.getMessage("mail.invitation.subject", new Object[] {program}),
                messages.getMessage(
                        "mail.invitation.text", new Object[] {person.name(), program, role, link}),
                null);
    }
}
