package io.tandem.meetings;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.tandem.SecondSchedulers;
import io.tandem.TestPairs;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9's reminder target: 10,000 reminders due in the same minute, sent by two scheduler
 * instances on one database within 60 s, none twice. The application's own scheduler is off; the
 * meetings are written in batches (planning 10,000 through the API costs minutes and is not what is
 * measured), their hour-before reminders scheduled through {@link MeetingReminders} all due at the
 * same instant, then two schedulers built as the application builds its own start together. Prints
 * the time until the last reminder was logged, and how many were sent more than once; asserts
 * nothing.
 *
 * <pre>
 * ./mvnw -q -pl app -am test -Dbench=true -Dgroups=bench -Dtest=RemindersBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.reminders=10000]
 * </pre>
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
@DirtiesContext
@SpringBootTest(
        properties = {
            "tandem.demo=false",
            "tandem.scheduler.enabled=false",
            "logging.level.root=WARN",
            "spring.main.banner-mode=off"
        })
class RemindersBench {

    static final int REMINDERS = Integer.getInteger("bench.reminders", 10_000);
    static final int PAIRS = 50;

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MeetingReminders reminders;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    @Test
    void tenThousandRemindersDueInOneMinute() {
        double loadBefore = load();
        OrganisationId org = identity.ensureOrganisation("bench-" + UUID.randomUUID(), "Bench");
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name,time_zone\n");
        for (int i = 0; i < PAIRS; i++) {
            csv.append("E%d,e%d@rb.test,Emma%d,Mentee,Europe/London\n".formatted(i, i, i));
            csv.append("M%d,m%d@rb.test,Max%d,Mentor,Asia/Singapore\n".formatted(i, i, i));
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, PersonId> ids =
                people
                        .search(org, DirectoryQuery.all(), PageQuery.of(0, 2 * PAIRS))
                        .items()
                        .stream()
                        .collect(
                                Collectors.toMap(
                                        PersonSummary::employeeId, PersonSummary::id, (a, b) -> a));
        var program = programs.create(org, ProgramDraft.of("Reminded", "CROSS_DIVISIONAL"));
        List<MentorshipId> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(
                    TestPairs.start(
                            programs,
                            enrolling,
                            mentorships,
                            org,
                            program.id(),
                            ids.get("E" + i),
                            ids.get("M" + i),
                            50));
        }

        // Every meeting starts in the same minute, half an hour after the moment the reminders are
        // due, so each one's hour-before reminder is due at that moment; no scheduler runs until
        // all are scheduled, so when they start, all 10,000 are due at once.
        Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant starts = due.plus(Duration.ofMinutes(30));
        List<Meeting> planned = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < REMINDERS; i++) {
            int pair = i % PAIRS;
            Meeting meeting =
                    Meeting.agreed(
                            UUID.randomUUID(),
                            org,
                            pairs.get(pair),
                            ids.get("E" + pair),
                            ids.get("M" + pair),
                            new Meeting.Details(
                                    "Meeting " + i,
                                    null,
                                    starts,
                                    starts.plus(Duration.ofMinutes(30)),
                                    "Europe/London",
                                    Recurrence.NONE,
                                    Place.VIDEO,
                                    "https://meet.example/" + i),
                            Instant.now());
            planned.add(meeting);
            rows.add(
                    new Object[] {
                        meeting.id(),
                        org.value(),
                        meeting.mentorshipId().value(),
                        meeting.organiserId().value(),
                        meeting.attendeeId().value(),
                        meeting.title(),
                        Timestamp.from(meeting.startsAt()),
                        Timestamp.from(meeting.endsAt()),
                        meeting.zone(),
                        meeting.location(),
                        Timestamp.from(meeting.createdAt())
                    });
        }
        long t0 = System.nanoTime();
        jdbc.batchUpdate(
                "insert into meeting (id, organisation_id, mentorship_id, organiser_id, attendee_id,"
                        + " title, starts_at, ends_at, zone, recurrence, place, location, sequence,"
                        + " status, response, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, 'NONE', 'VIDEO', ?, 0, 'SCHEDULED', 'ACCEPTED', ?, ?)",
                rows.stream()
                        .map(
                                r -> {
                                    Object[] all = java.util.Arrays.copyOf(r, r.length + 1);
                                    all[r.length] = r[r.length - 1];
                                    return all;
                                })
                        .toList());
        for (Meeting meeting : planned) {
            reminders.schedule(meeting, due);
        }
        System.out.printf(
                "%,d meetings written and their reminders scheduled in %.0f s%n",
                REMINDERS, (System.nanoTime() - t0) / 1e9);

        // Two instances' schedulers start together.
        // Named apart, so picked_by shows how the two shared the work.
        Scheduler one =
                SecondSchedulers.on(
                        dataSource,
                        json,
                        MeetingsConfiguration.reminderTask(reminders),
                        "instance-one");
        Scheduler two =
                SecondSchedulers.on(
                        dataSource,
                        json,
                        MeetingsConfiguration.reminderTask(reminders),
                        "instance-two");
        long started = System.nanoTime();
        one.start();
        two.start();
        long deadline = started + TimeUnit.MINUTES.toNanos(15);
        int logged = 0;
        try {
            while ((logged = logged(org)) < REMINDERS && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        } finally {
            one.stop();
            two.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Integer twice =
                jdbc.queryForObject(
                        "select count(*) from (select meeting_id from meeting_reminder_log where"
                                + " organisation_id = ? group by meeting_id, occurs_at, lead_time"
                                + " having count(*) > 1) t",
                        Integer.class,
                        org.value());
        Map<String, Long> byInstance = new java.util.TreeMap<>();
        jdbc.queryForList(
                        "select picked_by from meeting_reminder_log where organisation_id = ?",
                        String.class,
                        org.value())
                .forEach(name -> byInstance.merge(String.valueOf(name), 1L, Long::sum));
        System.out.printf(
                "%nRemindersBench%n%,d of %,d reminders due in the same minute sent in %.1f s by"
                        + " two schedulers (target: all within 60 s: %s); sent twice: %d; per"
                        + " instance: %s%nnote: load average %.1f before, %.1f after; %d cores;"
                        + " %s%n",
                logged,
                REMINDERS,
                seconds,
                logged >= REMINDERS && seconds <= 60 ? "yes" : "NO",
                twice,
                byInstance,
                loadBefore,
                load(),
                Runtime.getRuntime().availableProcessors(),
                database());
    }

    private String database() {
        return jdbc.execute(
                (java.sql.Connection c) ->
                        c.getMetaData().getDatabaseProductName()
                                + " "
                                + c.getMetaData().getDatabaseProductVersion());
    }

    private int logged(OrganisationId org) {
        Integer n =
                jdbc.queryForObject(
                        "select count(*) from meeting_reminder_log where organisation_id = ?",
                        Integer.class,
                        org.value());
        return n == null ? 0 : n;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
    }
}
