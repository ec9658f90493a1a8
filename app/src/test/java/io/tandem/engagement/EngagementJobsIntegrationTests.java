package io.tandem.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.tandem.SecondSchedulers;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The daily work runs once per program and day with two more schedulers on the same database. */
@TandemIntegrationTest
class EngagementJobsIntegrationTests {

    static final int PROGRAMS = 30;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired EngagementManagement engagement;
    @Autowired OneTimeTask<EngagementJobs.ProgramWork> programTask;
    @Autowired SchedulerClient client;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void twoInstancesRunEachProgramsDailyWorkOnce() {
        OrganisationId org = organisations.create().id();
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name\n");
        for (int i = 0; i < PROGRAMS; i++) {
            csv.append("M")
                    .append(i)
                    .append(",m")
                    .append(i)
                    .append("@jobs.test,Mentor,N")
                    .append(i)
                    .append('\n');
            csv.append("E")
                    .append(i)
                    .append(",e")
                    .append(i)
                    .append("@jobs.test,Mentee,N")
                    .append(i)
                    .append('\n');
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        List<ProgramId> mine = new ArrayList<>();
        for (int i = 0; i < PROGRAMS; i++) {
            ProgramId program =
                    programs.create(org, ProgramDraft.of("Jobs " + i, "CROSS_DIVISIONAL")).id();
            TestPairs.start(
                    programs,
                    enrolling,
                    mentorships,
                    org,
                    program,
                    find(org, "E" + i),
                    find(org, "M" + i),
                    10);
            mine.add(program);
        }
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () ->
                                mine.stream()
                                        .allMatch(p -> engagement.pairs(org, p, null).size() == 1));

        int scheduled = EngagementJobs.fanOut(engagement, programTask, client);
        assertThat(scheduled).isGreaterThanOrEqualTo(PROGRAMS);

        Scheduler first = instance();
        Scheduler second = instance();
        first.start();
        second.start();
        LocalDate today = LocalDate.ofInstant(engagement.now(), ZoneOffset.UTC);
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(
                            () ->
                                    pending(mine) == 0
                                            && mine.stream()
                                                    .allMatch(
                                                            p ->
                                                                    engagement.runs(org, p, today)
                                                                            > 0));
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(mine).allSatisfy(p -> assertThat(engagement.runs(org, p, today)).isEqualTo(1));
    }

    private long pending(List<ProgramId> programs) {
        return programs.stream()
                .mapToLong(
                        p ->
                                jdbc.sql(
                                                "select count(*) from scheduled_tasks where task_name = ? and task_instance like ?")
                                        .params(EngagementJobs.PROGRAM, p.value() + ":%")
                                        .query(Long.class)
                                        .single())
                .sum();
    }

    private Scheduler instance() {
        return SecondSchedulers.on(dataSource, json, programTask);
    }

    private PersonId find(OrganisationId org, String code) {
        return TestPeople.id(people, org, code);
    }
}
