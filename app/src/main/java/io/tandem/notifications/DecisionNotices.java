package io.tandem.notifications;

import io.tandem.matching.MentorRequestDeclined;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentDecided;
import io.tandem.programs.ProgramManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people the answer to what they asked for: an enrolment approved or declined by a program
 * manager, a mentoring request declined by the mentor. In the app and by mail.
 */
@Component
class DecisionNotices {

    private final NotificationManagement notifications;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;
    private final Links links;

    DecisionNotices(
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
    void on(EnrolmentDecided decided) {
        PersonSummary person =
                people.find(decided.organisationId(), decided.personId()).orElse(null);
        if (person == null) {
            return;
        }
        String program = programs.get(decided.organisationId(), decided.programId()).name();
        String role = messages.getMessage("mail.invitation.role." + decided.role());
        String outcome = decided.approved() ? "approved" : "declined";
        String path = "/programs/" + decided.programId();
        // One key per decision: handling this event again sends nothing twice.
        String key = "enrolment-" + outcome + ":" + decided.enrolmentId();
        notifications.notify(
                decided.organisationId(),
                key,
                person.email(),
                messages.getMessage("inbox.enrolment." + outcome, new Object[] {program, role}),
                path);
        notifications.queueMail(
                decided.organisationId(),
                NotificationKind.PROGRAM_NEWS,
                key,
                person.email(),
                messages.getMessage(
                        "mail.enrolment." + outcome + ".subject", new Object[] {program}),
                messages.getMessage(
                        "mail.enrolment." + outcome + ".text",
                        new Object[] {person.firstName(), program, role, links.to(path)}),
                null);
    }

    @ApplicationModuleListener
    void on(MentorRequestDeclined declined) {
        PersonSummary mentee =
                people.find(declined.organisationId(), declined.menteeId()).orElse(null);
        PersonSummary mentor =
                people.find(declined.organisationId(), declined.mentorId()).orElse(null);
        if (mentee == null || mentor == null) {
            return;
        }
        String program = programs.get(declined.organisationId(), declined.programId()).name();
        String path = "/programs/" + declined.programId() + "/mentors";
        String key = "request-declined:" + declined.requestId().value();
        notifications.notify(
                declined.organisationId(),
                key,
                mentee.email(),
                messages.getMessage(
                        "inbox.request-declined", new Object[] {mentor.name(), program}),
                path);
        notifications.queueMail(
                declined.organisationId(),
                NotificationKind.NEW_REQUEST,
                key,
                mentee.email(),
                messages.getMessage("mail.request-declined.subject", new Object[] {mentor.name()}),
                messages.getMessage(
                        "mail.request-declined.text",
                        new Object[] {mentee.firstName(), mentor.name(), program, links.to(path)}),
                null);
    }
}
