package io.tandem.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.tandem.SecondSchedulers;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.meetings.MeetingReminders.Lead;
import io.tandem.meetings.MeetingReminders.Reminder;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Reminders go out once per occurrence and lead, with two schedulers on one database. */
@TandemIntegrationTest
class MeetingRemindersIntegrationTests {

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MeetingManagement meetings;
    @Autowired MeetingReminders reminders;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    record Pair(MentorshipId id, PersonId mentee, PersonId mentor) {}

    TestOrganisation org;

    List<Pair> pairs(int count) {
        org = organisations.create();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name,time_zone\n");
        for (int i = 0; i < count; i++) {
            csv.append("E")
                    .append(i)
                    .append(",e")
                    .append(i)
                    .append('-')
                    .append(run)
                    .append("@rem.test,Emma")
                    .append(i)
                    .append(",Mentee,Europe/London\n");
            csv.append("M")
                    .append(i)
                    .append(",m")
                    .append(i)
                    .append('-')
                    .append(run)
                    .append("@rem.test,Max")
                    .append(i)
                    .append(",Mentor,Asia/Singapore\n");
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, PersonId> ids =
                people
                        .search(
                                org.id(),
                                new DirectoryQuery(null, null, null, null, null, null, null),
                                PageQuery.of(0, 200))
                        .items()
                        .stream()
                        .collect(Collectors.toMap(PersonSummary::employeeId, PersonSummary::id));
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Reminded", "CROSS_DIVISIONAL"));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PersonId mentee = ids.get("E" + i);
            PersonId mentor = ids.get("M" + i);
            pairs.add(
                    new Pair(
                            TestPairs.start(
                                    programs,
                                    enrolling,
                                    mentorships,
                                    org.id(),
                                    program.id(),
                                    mentee,
                                    mentor,
                                    50),
                            mentee,
                            mentor));
        }
        return pairs;
    }

    static PlanMeeting at(Instant start, Recurrence recurrence) {
        return new PlanMeeting(
                "Check-in",
                null,
                start,
                start.plus(Duration.ofMinutes(30)),
                null,
                recurrence,
                Place.VIDEO,
                null,
                null);
    }

    @Test
    void twoSchedulersSendEachReminderExactlyOnce() {
        List<Pair> pairs = pairs(60);
        // Mentee 0 wants reminders in the app only.
        meetings.setRemindsByMail(org.id(), pairs.get(0).mentee(), false);
        Instant soon = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        List<UUID> ids = new ArrayList<>();
        for (Pair pair : pairs) {
            ids.add(
                    meetings.plan(org.id(), pair.id(), pair.mentee(), at(soon, Recurrence.NONE))
                            .id());
        }
        Scheduler second = second();
        second.start();
        try {
            // Less than an hour ahead: the hour-before reminder is due at once, the day-before one
            // was never scheduled.
            await().atMost(Duration.ofMinutes(1)).until(() -> logged(ids) >= ids.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(ids) == 0);
        } finally {
            second.stop();
        }
        Map<UUID, Long> perMeeting =
                jdbc
                        .sql(
                                "select meeting_id, lead_time from meeting_reminder_log"
                                        + " where organisation_id = ?")
                        .param(org.id().value())
                        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                        .list()
                        .stream()
                        .peek(e -> assertThat(e.getValue()).isEqualTo(Lead.HOUR.name()))
                        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
        assertThat(perMeeting).hasSize(ids.size());
        assertThat(perMeeting.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(
                        jdbc.sql(
                                        "select count(*) from inbox_item where organisation_id = ?"
                                                + " and dedup_key like 'meeting-reminder:%'")
                                .param(org.id().value())
                                .query(Long.class)
                                .single())
                .isEqualTo(2L * ids.size());
        assertThat(
                        jdbc.sql(
                                        "select count(*) from outbox_mail where organisation_id = ?"
                                                + " and dedup_key like 'meeting-reminder:%'")
                                .param(org.id().value())
                                .query(Long.class)
                                .single())
                .isEqualTo(2L * ids.size() - 1);
    }

    @Test
    void aReminderScheduledBeforeAChangeSendsNothingAndTheChangeSchedulesItsOwn() {
        Pair pair = pairs(1).get(0);
        Instant inThreeDays =
                Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        MeetingView meeting =
                meetings.plan(
                        org.id(), pair.id(), pair.mentee(), at(inThreeDays, Recurrence.WEEKLY));
        assertThat(instances(meeting.id()))
                .containsExactlyInAnyOrder(
                        meeting.id() + "-0-" + inThreeDays.toEpochMilli() + "-DAY",
                        meeting.id() + "-0-" + inThreeDays.toEpochMilli() + "-HOUR");
        Instant later = inThreeDays.plus(Duration.ofHours(2));
        meetings.reschedule(
                org.id(),
                meeting.id(),
                pair.mentor(),
                new PlanMeeting(
                        null,
                        null,
                        later,
                        later.plus(Duration.ofMinutes(30)),
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(instances(meeting.id()))
                .contains(
                        meeting.id() + "-1-" + later.toEpochMilli() + "-DAY",
                        meeting.id() + "-1-" + later.toEpochMilli() + "-HOUR");
        // The old one runs anyway (it was already due, say): it is stale and sends nothing.
        reminders.send(
                new Reminder(
                        org.id().value(), meeting.id(), 0, inThreeDays.toEpochMilli(), Lead.DAY),
                "test");
        assertThat(logged(List.of(meeting.id()))).isZero();
        // The current one sends, and schedules next week's.
        reminders.send(
                new Reminder(org.id().value(), meeting.id(), 1, later.toEpochMilli(), Lead.DAY),
                "test");
        assertThat(logged(List.of(meeting.id()))).isEqualTo(1);
        Instant nextWeek = later.plus(Duration.ofDays(7));
        assertThat(instances(meeting.id()))
                .contains(meeting.id() + "-1-" + nextWeek.toEpochMilli() + "-DAY");
        meetings.cancel(org.id(), meeting.id(), pair.mentee());
        reminders.send(
                new Reminder(org.id().value(), meeting.id(), 1, nextWeek.toEpochMilli(), Lead.DAY),
                "test");
        assertThat(logged(List.of(meeting.id()))).isEqualTo(1);
    }

    @Test
    void aReminderRunAgainAfterAnInstanceDiedSendsNothingTwice() {
        Pair pair = pairs(1).get(0);
        Instant inTwoDays = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        MeetingView meeting =
                meetings.plan(org.id(), pair.id(), pair.mentee(), at(inTwoDays, Recurrence.NONE));
        Reminder reminder =
                new Reminder(org.id().value(), meeting.id(), 0, inTwoDays.toEpochMilli(), Lead.DAY);
        reminders.send(reminder, "instance-one");
        // Instance one sent it and died before its scheduler noted the execution as done, so
        // another instance runs the same reminder again.
        reminders.send(reminder, "instance-two");
        assertThat(
                        jdbc.sql(
                                        "select picked_by from meeting_reminder_log"
                                                + " where meeting_id = ?")
                                .param(meeting.id())
                                .query(String.class)
                                .list())
                .containsExactly("instance-one");
        String key = "meeting-reminder:" + meeting.id() + ":%";
        assertThat(
                        jdbc.sql(
                                        "select count(*) from inbox_item where organisation_id = ?"
                                                + " and dedup_key like ?")
                                .params(org.id().value(), key)
                                .query(Long.class)
                                .single())
                .isEqualTo(2L);
        assertThat(
                        jdbc.sql(
                                        "select count(*) from outbox_mail where organisation_id = ?"
                                                + " and dedup_key like ?")
                                .params(org.id().value(), key)
                                .query(Long.class)
                                .single())
                .isEqualTo(2L);
    }

    private Scheduler second() {
        return SecondSchedulers.on(dataSource, json, MeetingsConfiguration.reminderTask(reminders));
    }

    private long logged(List<UUID> ids) {
        return jdbc
                .sql("select meeting_id from meeting_reminder_log where organisation_id = ?")
                .param(org.id().value())
                .query(UUID.class)
                .list()
                .stream()
                .filter(ids::contains)
                .count();
    }

    private long pendingFor(List<UUID> ids) {
        return jdbc
                .sql("select task_instance from scheduled_tasks where task_name = ?")
                .param(MeetingReminders.TASK)
                .query(String.class)
                .list()
                .stream()
                .filter(i -> ids.stream().anyMatch(id -> i.startsWith(id.toString())))
                .count();
    }

    private List<String> instances(UUID meeting) {
        return jdbc.sql(
                        "select task_instance from scheduled_tasks where task_name = ?"
                                + " and task_instance like ?")
                .params(MeetingReminders.TASK, meeting + "%")
                .query(String.class)
                .list();
    }
}
