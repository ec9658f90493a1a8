package io.tandem.meetings;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.tandem.identity.OrganisationId;
import io.tandem.notifications.NotificationKind;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reminders 24 hours and 1 hour before each occurrence, in the app and by e-mail (unless the person
 * switched e-mail off), as one-time tasks of the cluster's database scheduler: each instance is
 * picked by exactly one application instance. A reminder carries the meeting's SEQUENCE, so one
 * scheduled before a change or cancellation finds itself stale and sends nothing; the change
 * schedules its own. A repeating meeting's reminder schedules the next occurrence's.
 */
@Component
class MeetingReminders {

    static final String TASK = "meeting-reminder";

    /** How long before an occurrence a reminder goes out. */
    enum Lead {
        DAY(Duration.ofHours(24)),
        HOUR(Duration.ofHours(1));

        final Duration before;

        Lead(Duration before) {
            this.before = before;
        }
    }

    /** The task's data, stored as JSON. */
    record Reminder(
            UUID organisationId, UUID meetingId, int sequence, long occursAtMillis, Lead lead) {

        Instant occursAt() {
            return Instant.ofEpochMilli(occursAtMillis);
        }

        String instanceId() {
            return meetingId + "-" + sequence + "-" + occursAtMillis + "-" + lead;
        }
    }

    private final SchedulerClient scheduler;
    private final Meetings meetings;
    private final PeopleManagement people;
    private final NotificationManagement notifications;
    private final MessageSourceAccessor messages;
    private final JdbcClient jdbc;

    private final Clock clock;

    MeetingReminders(
            SchedulerClient scheduler,
            Meetings meetings,
            PeopleManagement people,
            NotificationManagement notifications,
            MessageSource messageSource,
            JdbcClient jdbc,
            Clock clock) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.meetings = meetings;
        this.people = people;
        this.notifications = notifications;
        this.messages = new MessageSourceAccessor(messageSource);
        this.jdbc = jdbc;
    }

    /**
     * Schedules the reminders of the meeting's next occurrence: the day-before one if its time is
     * still ahead, the hour-before one as soon as its time comes (at once for a meeting planned
     * less than an hour ahead).
     */
    void schedule(Meeting meeting, Instant now) {
        if (meeting.cancelled()) {
            return;
        }
        // The scheduler writes through a connection of its own: only once the meeting is
        // committed, so a rolled-back booking leaves no reminder behind, and no transaction holds
        // a row lock while waiting for that second connection.
        Runnable schedule =
                () -> {
                    for (Lead lead : Lead.values()) {
                        scheduleNext(meeting, lead, now);
                    }
                };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            schedule.run();
                        }
                    });
        } else {
            schedule.run();
        }
    }

    private void scheduleNext(Meeting meeting, Lead lead, Instant after) {
        List<Instant> next =
                SlotPlanner.occurrences(
                        meeting.startsAt(),
                        ZoneId.of(meeting.zone()),
                        meeting.recurrence(),
                        lead == Lead.HOUR ? after.plusMillis(1) : after.plus(lead.before),
                        after.plus(Duration.ofDays(800)),
                        1);
        if (next.isEmpty()) {
            return;
        }
        Instant occursAt = next.get(0);
        Instant due = occursAt.minus(lead.before);
        Reminder reminder =
                new Reminder(
                        meeting.organisationId().value(),
                        meeting.id(),
                        meeting.sequence(),
                        occursAt.toEpochMilli(),
                        lead);
        scheduler.scheduleIfNotExists(
                new TaskInstance<>(TASK, reminder.instanceId(), reminder),
                due.isBefore(after) ? after : due);
    }

    /** Runs one reminder; called by the scheduler on exactly one instance. */
    @Transactional
    void send(Reminder reminder, String pickedBy) {
        OrganisationId organisation = new OrganisationId(reminder.organisationId());
        Meeting meeting = meetings.find(organisation, reminder.meetingId()).orElse(null);
        if (meeting == null || meeting.cancelled() || meeting.sequence() != reminder.sequence()) {
            return;
        }
        if (!logged(organisation, meeting, reminder, pickedBy)) {
            return;
        }
        Map<PersonId, PersonSummary> two =
                people.findAll(organisation, List.of(meeting.organiserId(), meeting.attendeeId()));
        Set<PersonId> inAppOnly = inAppOnly(organisation, two.keySet());
        for (PersonSummary person : two.values()) {
            if (person.active()) {
                PersonSummary other = two.getOrDefault(meeting.partnerOf(person.id()), person);
                remind(organisation, meeting, reminder, person, other, inAppOnly);
            }
        }
        if (meeting.recurrence() != Recurrence.NONE) {
            scheduleNext(meeting, reminder.lead(), reminder.occursAt());
        }
    }

    /**
     * Notes the reminder as sent, once per meeting, occurrence and lead, whoever runs it and
     * however often; false if a run before (by an instance that died before its scheduler noted it)
     * sent it already.
     */
    private boolean logged(
            OrganisationId organisation, Meeting meeting, Reminder reminder, String pickedBy) {
        return jdbc.sql(
                                "insert into meeting_reminder_log (id, organisation_id, meeting_id,"
                                        + " occurs_at, lead_time, sent_at, picked_by)"
                                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                UUID.randomUUID(),
                                organisation.value(),
                                meeting.id(),
                                Timestamp.from(reminder.occursAt()),
                                reminder.lead().name(),
                                Timestamp.from(clock.instant()),
                                pickedBy)
                        .update()
                > 0;
    }

    /** Tells one of the two in the inbox and, unless they chose in-app only, by mail. */
    private void remind(
            OrganisationId organisation,
            Meeting meeting,
            Reminder reminder,
            PersonSummary person,
            PersonSummary other,
            Set<PersonId> inAppOnly) {
        String key =
                "meeting-reminder:"
                        + meeting.id()
                        + ":"
                        + reminder.occursAtMillis()
                        + ":"
                        + reminder.lead()
                        + ":"
                        + person.id();
        Object[] args = {
            meeting.title(),
            MeetingMails.when(reminder.occursAt(), person),
            other.name(),
            meeting.location(),
            person.firstName()
        };
        String lead = reminder.lead().name().toLowerCase(java.util.Locale.ROOT);
        notifications.notify(
                organisation,
                key,
                person.email(),
                messages.getMessage("meetings.reminder.inbox." + lead, args),
                "/meetings/" + meeting.id());
        if (!inAppOnly.contains(person.id())) {
            notifications.queueMail(
                    organisation,
                    NotificationKind.REMINDERS,
                    key,
                    person.email(),
                    messages.getMessage("meetings.reminder.subject." + lead, args),
                    messages.getMessage("meetings.reminder.text", args),
                    null);
        }
    }

    /** Of these people, those who switched reminder mails off: one statement for all. */
    private Set<PersonId> inAppOnly(OrganisationId organisation, Collection<PersonId> persons) {
        if (persons.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.sql(
                                "select person_id from meeting_preference where organisation_id"
                                        + " = ? and not reminder_mail and person_id in ("
                                        + String.join(
                                                ", ", Collections.nCopies(persons.size(), "?"))
                                        + ")")
                        .params(
                                Stream.concat(
                                                Stream.of(organisation.value()),
                                                persons.stream().map(PersonId::value))
                                        .toList())
                        .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
                        .list());
    }

    boolean wantsMail(OrganisationId organisation, PersonId person) {
        return jdbc.sql(
                        "select reminder_mail from meeting_preference where person_id = ?"
                                + " and organisation_id = ?")
                .params(person.value(), organisation.value())
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void setMail(OrganisationId organisation, PersonId person, boolean mail) {
        int updated =
                jdbc.sql(
                                "update meeting_preference set reminder_mail = ? where person_id = ?"
                                        + " and organisation_id = ?")
                        .params(mail, person.value(), organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into meeting_preference (person_id, organisation_id,"
                                    + " reminder_mail) values (?, ?, ?) on conflict do nothing")
                    .params(person.value(), organisation.value(), mail)
                    .update();
        }
    }
}
