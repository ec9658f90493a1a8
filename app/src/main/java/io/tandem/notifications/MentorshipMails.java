package io.tandem.notifications;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipEnded;
import io.tandem.mentorships.MentorshipStarted;
import io.tandem.mentorships.MentorshipsStarted;
import io.tandem.mentorships.PlannedEndApproaching;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells both people of a new pair who the other is, and, when a mentorship ends, tells whoever did
 * not end it and asks both for the closure survey.
 */
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

    /**
     * Every pair of one publish in the listener's one transaction: the people and the program read
     * once for all of them, the recipients' choices and link secrets once per batch of recipients
     * ({@link NotificationManagement#tellAll}).
     */
    @ApplicationModuleListener
    void on(MentorshipsStarted started) {
        OrganisationId org = started.organisationId();
        List<PersonId> ids = new ArrayList<>(started.pairs().size() * 2);
        for (MentorshipsStarted.Pair pair : started.pairs()) {
            ids.add(pair.mentorId());
            ids.add(pair.menteeId());
        }
        Map<PersonId, PersonSummary> people = this.people.findAll(org, ids);
        String program = programs.get(org, started.programId()).name();
        String subject = messages.getMessage("mail.matched.subject", new Object[] {program});
        List<NotificationManagement.Notice> notices = new ArrayList<>(ids.size());
        for (MentorshipsStarted.Pair pair : started.pairs()) {
            PersonSummary mentor = people.get(pair.mentorId());
            PersonSummary mentee = people.get(pair.menteeId());
            if (mentor != null && mentee != null) {
                String path = "/mentorships/" + pair.mentorshipId();
                // One key per mentorship and recipient: handling this event again sends nothing
                // twice.
                String key = "mentorship-started:" + pair.mentorshipId();
                notices.add(
                        notice(key + ":mentee", path, program, subject, mentee, mentor, "mentee"));
                notices.add(
                        notice(key + ":mentor", path, program, subject, mentor, mentee, "mentor"));
            }
        }
        notifications.tellAll(org, NotificationKind.PROGRAM_NEWS, notices);
    }

    /** A publication written before pairs were published in one event. */
    @ApplicationModuleListener
    void on(MentorshipStarted started) {
        on(started.asBatch());
    }

    /** One of the two, told in the inbox and by mail who their partner is ("mentee"/"mentor"). */
    private NotificationManagement.Notice notice(
            String key,
            String path,
            String program,
            String subject,
            PersonSummary person,
            PersonSummary partner,
            String role) {
        return new NotificationManagement.Notice(
                key,
                person.email(),
                messages.getMessage(
                        "inbox.matched." + role, new Object[] {partner.name(), program}),
                path,
                subject,
                messages.getMessage(
                        "mail.matched." + role,
                        new Object[] {
                            person.firstName(), partner.name(), program, links.to(path)
                        }));
    }

    @ApplicationModuleListener
    void on(MentorshipEnded ended) {
        Map<PersonId, PersonSummary> pair =
                people.findAll(ended.organisationId(), List.of(ended.mentorId(), ended.menteeId()));
        PersonSummary mentor = pair.get(ended.mentorId());
        PersonSummary mentee = pair.get(ended.menteeId());
        if (mentor == null || mentee == null) {
            return;
        }
        String program = programs.get(ended.organisationId(), ended.programId()).name();
        notifications.prepareLinks(ended.organisationId(), List.of(mentor.email(), mentee.email()));
        String reason = messages.getMessage("workspace.reason." + ended.reason());
        String path = "/mentorships/" + ended.mentorshipId() + "/survey";
        for (PersonSummary person : List.of(mentor, mentee)) {
            if (person.id().equals(ended.endedBy()) || !person.active()) {
                continue;
            }
            PersonSummary other = person == mentor ? mentee : mentor;
            // A mentorship ends once: handling this event again sends nothing twice.
            String key = "mentorship-ended:" + ended.mentorshipId() + ":" + person.id().value();
            notifications.notify(
                    ended.organisationId(),
                    key,
                    person.email(),
                    messages.getMessage(
                            "inbox.ended", new Object[] {other.name(), program, reason}),
                    path);
            notifications.queueMail(
                    ended.organisationId(),
                    NotificationKind.PROGRAM_NEWS,
                    key,
                    person.email(),
                    messages.getMessage("mail.ended.subject", new Object[] {program}),
                    messages.getMessage(
                            "mail.ended.text",
                            new Object[] {
                                person.firstName(), other.name(), program, reason, links.to(path)
                            }),
                    null);
        }
    }

    /** Before the planned end, both are asked to close well or agree an extension; once each. */
    @ApplicationModuleListener
    void on(PlannedEndApproaching approaching) {
        Map<PersonId, PersonSummary> pair =
                people.findAll(
                        approaching.organisationId(),
                        List.of(approaching.mentorId(), approaching.menteeId()));
        PersonSummary mentor = pair.get(approaching.mentorId());
        PersonSummary mentee = pair.get(approaching.menteeId());
        if (mentor == null || mentee == null) {
            return;
        }
        String program = programs.get(approaching.organisationId(), approaching.programId()).name();
        notifications.prepareLinks(
                approaching.organisationId(), List.of(mentor.email(), mentee.email()));
        for (PersonSummary person : List.of(mentor, mentee)) {
            if (person.active()) {
                remind(approaching, person, person == mentor ? mentee : mentor, program);
            }
        }
    }

    private void remind(
            PlannedEndApproaching approaching,
            PersonSummary person,
            PersonSummary other,
            String program) {
        String path = "/mentorships/" + approaching.mentorshipId();
        String key =
                "planned-end:"
                        + approaching.mentorshipId()
                        + ":"
                        + approaching.plannedEndOn()
                        + ":"
                        + person.id().value();
        Object[] args = {
            other.name(), program, approaching.plannedEndOn().toString(), person.firstName()
        };
        notifications.notify(
                approaching.organisationId(),
                key,
                person.email(),
                messages.getMessage("inbox.planned-end", args),
                path);
        notifications.queueMail(
                approaching.organisationId(),
                key,
                person.email(),
                messages.getMessage("mail.planned-end.subject", args),
                messages.getMessage(
                        "mail.planned-end.text",
                        new Object[] {
                            person.firstName(),
                            other.name(),
                            program,
                            approaching.plannedEndOn().toString(),
                            links.to(path)
                        }));
    }
}
