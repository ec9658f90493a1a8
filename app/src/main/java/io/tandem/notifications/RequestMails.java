package io.tandem.notifications;

import io.tandem.matching.MentorRequested;
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

/** Tells a mentor that a mentee asked for them, in the app and by mail. */
@Component
class RequestMails {

    private final NotificationManagement notifications;
    private final PeopleManagement people;
    private final ProgramManagement programs;
    private final MessageSourceAccessor messages;
    private final Links links;

    RequestMails(
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
    void on(MentorRequested requested) {
        Map<PersonId, PersonSummary> pair =
                people.findAll(
                        requested.organisationId(),
                        List.of(requested.menteeId(), requested.mentorId()));
        PersonSummary mentee = pair.get(requested.menteeId());
        PersonSummary mentor = pair.get(requested.mentorId());
        if (mentee == null || mentor == null) {
            return;
        }
        String program = programs.get(requested.organisationId(), requested.programId()).name();
        // One key per request: handling this event again sends nothing twice.
        String key = "mentor-requested:" + requested.requestId();
        notifications.notify(
                requested.organisationId(),
                key,
                mentor.email(),
                messages.getMessage("inbox.requested", new Object[] {mentee.name(), program}),
                "/requests");
        notifications.queueMail(
                requested.organisationId(),
                NotificationKind.NEW_REQUEST,
                key,
                mentor.email(),
                messages.getMessage(
                        "mail.requested.subject", new Object[] {mentee.name(), program}),
                messages.getMessage(
                        "mail.requested.text",
                        new Object[] {
                            mentor.firstName(), mentee.name(), program, links.to("/requests")
                        }),
                null);
    }
}
