package io.tandem.meetings;

import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * How fast slots are proposed for a pair over the next four weeks, and how fast a person's calendar
 * feed with 500 meetings answers over HTTP, on the embedded database. Prints the figures beside the
 * targets (5 ms and 50 ms) and asserts nothing, since machines are noisy.
 *
 * <pre>
 * ./mvnw -q -pl app -am test -Dbench=true -Dgroups=bench -Dtest=MeetingsBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.demo=false",
            "logging.level.root=WARN",
            "spring.main.banner-mode=off"
        })
class MeetingsBench {

    static final int MEETINGS = 500;
    static final int RUNS = 200;

    @LocalServerPort int port;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MeetingManagement meetings;
    @Autowired CalendarFeedManagement feeds;

    @Test
    void slotsAndFeed() throws Exception {
        OrganisationId org = identity.ensureOrganisation("bench-" + UUID.randomUUID(), "Bench");
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,title,level,division,function,"
                                + "location,time_zone,work_mode,languages,skills\n");
        int mentees = MEETINGS / 50;
        csv.append(
                "M0,m0@bench.test,Mia,Mentor,Lead,7,Digital,Engineering,Berlin,Europe/Berlin,"
                        + "HOME_OFFICE,English,Java\n");
        for (int i = 0; i < mentees; i++) {
            csv.append(
                    "E%d,e%d@bench.test,Eve,N%d,Rep,3,Retail,Sales,New York,America/New_York,HOME_OFFICE,English,Excel\n"
                            .formatted(i, i, i));
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        var program = programs.create(org, ProgramDraft.of("Bench", "CROSS_DIVISIONAL"));
        PersonId mentor = find(org, "M0");
        List<MentorshipId> pairs = new ArrayList<>();
        List<PersonId> menteeIds = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            PersonId mentee = find(org, "E" + i);
            menteeIds.add(mentee);
            pairs.add(
                    TestPairs.start(
                            programs,
                            enrolling,
                            mentorships,
                            org,
                            program.id(),
                            mentee,
                            mentor,
                            50));
        }
        // 500 one-off meetings for the mentor, 50 per pair, a day apart from tomorrow on: the
        // first pair's four weeks are busy with its own meetings too.
        Instant base = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        long t0 = System.nanoTime();
        for (int i = 0; i < MEETINGS; i++) {
            Instant start = base.plus(Duration.ofHours(24L * (i / mentees) + (i % mentees)));
            meetings.plan(
                    org,
                    pairs.get(i % mentees),
                    mentor,
                    new PlanMeeting(
                            "Meeting " + i,
                            "Agenda " + i,
                            start,
                            start.plus(Duration.ofMinutes(30)),
                            null,
                            io.tandem.meetings.Recurrence.NONE,
                            Place.VIDEO,
                            null,
                            null));
        }
        System.out.printf(
                "planned %d meetings through the API in %.1f s%n",
                MEETINGS, (System.nanoTime() - t0) / 1e9);

        List<Double> slotMillis = new ArrayList<>();
        List<Double> slotCpuMillis = new ArrayList<>();
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        int proposed = 0;
        for (int i = 0; i < RUNS; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            proposed = meetings.slots(org, pairs.get(0), mentor, Duration.ofMinutes(30)).size();
            slotMillis.add((System.nanoTime() - s) / 1e6);
            slotCpuMillis.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
        report("slot proposal, one pair, next 4 weeks (" + proposed + " slots)", slotMillis, 5);
        // On a shared machine the wall clock measures the queue for a core; the CPU time the
        // proposal's own thread used is what it costs.
        report("slot proposal, CPU time of the calling thread", slotCpuMillis, 5);

        String secret = feeds.feedSecret(org, mentor);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + port
                                                + "/calendar/"
                                                + secret
                                                + ".ics"))
                        .build();
        List<Double> feedMillis = new ArrayList<>();
        int size = 0;
        int events = 0;
        long processCpu = 0;
        for (int i = 0; i < RUNS; i++) {
            if (i == RUNS / 4) {
                processCpu = processCpuNanos();
            }
            long s = System.nanoTime();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            feedMillis.add((System.nanoTime() - s) / 1e6);
            size = response.body().length();
            events = response.body().split("BEGIN:VEVENT", -1).length - 1;
        }
        report(
                "calendar feed over HTTP, " + events + " meetings, " + size / 1024 + " KiB",
                feedMillis,
                50);
        // The whole process's CPU time (server and this client reading 333 KiB) per warm request:
        // an upper bound of what a feed costs the server, whatever the queue for a core.
        System.out.printf(
                "calendar feed, CPU time of the whole process per warm request: %.2f ms (target"
                        + " 50 ms)%nload average %.1f, %d cores%n",
                (processCpuNanos() - processCpu) / 1e6 / (RUNS - RUNS / 4),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(String what, List<Double> millis, double target) {
        List<Double> warm = new ArrayList<>(millis.subList(millis.size() / 4, millis.size()));
        Collections.sort(warm);
        System.out.printf(
                "%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms over %d warm runs (target %.0f ms)%n",
                what,
                warm.get(warm.size() / 2),
                warm.get((int) (warm.size() * 0.95)),
                warm.get((int) (warm.size() * 0.99)),
                warm.size(),
                target);
    }

    private PersonId find(OrganisationId org, String code) {
        return TestPeople.id(people, org, code);
    }
}
