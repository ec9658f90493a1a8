package io.tandem.notifications;

import io.tandem.mentorships.MentorshipStarted;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells both people of a new pair who the other is. */
@Component
class MentorshipMails {

    private final NotificationManagement notifications;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;
    private final Links links;

    MentorshipMails(
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
    void on(MentorshipStarted started) {
        Map<PersonId, PersonSummary> pair =
                people.findAll(
                        started.organisationId(), List.of(started.mentorId(), started.menteeId()));
        PersonSummary mentor = pair.get(started.mentorId());
        PersonSummary mentee = pair.get(started.menteeId());
        if (mentor == null || mentee == null) {
            return;
        }
        String program = programs.get(started.organisationId(), started.programId()).name();
        String link = links.to("/mentorships");
        // One key per mentorship and recipient: handling this event again sends nothing twice.
        String key = "mentorship-started:" + started.mentorshipId();
        notifications.notify(
                started.organisationId(),
                key + ":mentee",
                mentee.email(),
                messages.getMessage("inbox.matched.mentee", new Object[] {mentor.name(), program}),
                "/mentorships");
        notifications.notify(
                started.organisationId(),
                key + ":mentor",
                mentor.email(),
                messages.getMessage("inbox.matched.mentor", new Object[] {mentee.name(), program}),
                "/mentorships");
        notifications.queueMail(
                started.organisationId(),
                key + ":mentee",
                mentee.email(),
                messages.getMessage("mail.matched.subject", new Object[] {program}),
                messages.getMessage(
                        "mail.matched.mentee",
                        new Object[] {mentee.firstName(), mentor.name(), program, link}));
        notifications.queueMail(
                started.organisationId(),
                key + ":mentor",
                mentor.email(),
                messages.getMessage("mail.matched.subject", new Object[] {program}),
                messages.getMessage(
                        "mail.matched.mentor",
                        new Object[] {mentor.firstName(), mentee.name(), program, link}));
    }
}
