package io.tandem.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tandem.SecondSchedulers;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.OrganisationId;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before a pair's planned end both people are asked, once, to close well or extend: four sweeps
 * racing over 120 pairs ask each due pair once; an extension asks again for the new end; and the
 * daily task, run by two more schedulers on the same database, asks nobody twice.
 */
@TandemIntegrationTest
class PlannedEndRemindersIntegrationTests {

    static final int PAIRS = 120;
    static final int DUE = 100;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired PlannedEndReminders reminders;

    @Autowired
    @Qualifier("plannedEndTask")
    RecurringTask<Void> plannedEndTask;

    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void eachDuePairIsAskedOncePerPlannedEndWhateverRunsTheSweep() throws Exception {
        OrganisationId org = organisations.create().id();
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name\n");
        for (int i = 0; i < PAIRS; i++) {
            csv.append("M%d,m%d@end.test,Mentor,N%d\n".formatted(i, i, i));
            csv.append("E%d,e%d@end.test,Mentee,N%d\n".formatted(i, i, i));
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        ProgramId program = programs.create(org, ProgramDraft.of("Ends", "CROSS_DIVISIONAL")).id();
        List<MentorshipId> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(
                    TestPairs.start(
                            programs,
                            enrolling,
                            mentorships,
                            org,
                            program,
                            find(org, "E" + i),
                            find(org, "M" + i),
                            10));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // 100 pairs end within the notice (one ended a week ago and is still open); 20 run on.
        for (int i = 0; i < DUE; i++) {
            plannedEnd(pairs.get(i), i == 0 ? today.minusDays(7) : today.plusDays(1 + i % 10));
        }
        workspaces.end(org, pairs.get(DUE - 1), null, EndReason.GOALS_MET);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> sweeps = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<Integer> sweep = () -> reminders.remind(today);
                sweeps.add(pool.submit(sweep));
            }
            for (Future<Integer> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            pool.shutdown();
        }
        int due = DUE - 1; // the ended pair is not asked
        await().atMost(Duration.ofMinutes(1)).until(() -> inbox(org) == 2 * due);
        assertThat(reminded(org)).isEqualTo(due);
        assertThat(mails(org)).isEqualTo(2 * due);
        assertThat(
                        jdbc.sql(
                                        "select count(distinct recipient_email) from inbox_item"
                                                + " where organisation_id = ? and dedup_key like 'planned-end:%'")
                                .param(org.value())
                                .query(Long.class)
                                .single())
                .isEqualTo(2L * due);
        // Published once per pair, not once per sweep: the mails' keys are not what saves us.
        assertThat(published(org)).isEqualTo(due);
        assertThat(reminders.remind(today)).isZero();

        // 30 pairs agree an extension to a date that is itself near: they are asked again.
        for (int i = 1; i <= 30; i++) {
            plannedEnd(pairs.get(i), today.plusDays(12));
        }
        jdbc.sql(
                        "update scheduled_tasks set execution_time = ? where task_name = ?"
                                + " and task_instance = 'recurring'")
                .params(Timestamp.from(Instant.now()), PlannedEndReminders.TASK)
                .update();
        Scheduler first = instance();
        Scheduler second = instance();
        first.start();
        second.start();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> inbox(org) == 2 * (due + 30) && nextRunIsTomorrow());
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(inbox(org)).isEqualTo(2 * (due + 30));
        assertThat(mails(org)).isEqualTo(2 * (due + 30));
        assertThat(reminded(org)).isEqualTo(due);
        assertThat(published(org)).isEqualTo(due + 30);
    }

    /** PlannedEndApproaching events published for this organisation (one listener each). */
    private long published(OrganisationId org) {
        return jdbc.sql(
                        "select count(*) from event_publication where event_type like ?"
                                + " and serialized_event like ?")
                .params("%PlannedEndApproaching", "%" + org.value() + "%")
                .query(Long.class)
                .single();
    }

    private void plannedEnd(MentorshipId pair, LocalDate on) {
        jdbc.sql("update mentorship set planned_end_on = ? where id = ?")
                .params(Date.valueOf(on), pair.value())
                .update();
    }

    private boolean nextRunIsTomorrow() {
        return jdbc.sql(
                                "select count(*) from scheduled_tasks where task_name = ? and"
                                        + " picked = false and execution_time > ?")
                        .params(
                                PlannedEndReminders.TASK,
                                Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long inbox(OrganisationId org) {
        return jdbc.sql(
                        "select count(*) from inbox_item where organisation_id = ?"
                                + " and dedup_key like 'planned-end:%'")
                .param(org.value())
                .query(Long.class)
                .single();
    }

    private long mails(OrganisationId org) {
        return jdbc.sql(
                        "select count(*) from outbox_mail where organisation_id = ?"
                                + " and dedup_key like 'planned-end:%'")
                .param(org.value())
                .query(Long.class)
                .single();
    }

    private long reminded(OrganisationId org) {
        return jdbc.sql(
                        "select count(*) from mentorship where organisation_id = ?"
                                + " and end_reminded_for is not null")
                .param(org.value())
                .query(Long.class)
                .single();
    }

    private Scheduler instance() {
        return SecondSchedulers.on(dataSource, json, plannedEndTask);
    }

    private PersonId find(OrganisationId org, String code) {
        return TestPeople.id(people, org, code);
    }
}
