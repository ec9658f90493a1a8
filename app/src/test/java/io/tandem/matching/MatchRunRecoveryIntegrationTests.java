package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Objective;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A run's state, heartbeat and cancel request live in the database: a run left RUNNING by a killed
 * process is given up with a reason and can be run again; a cancel recorded by any instance stops
 * the run on the instance running it.
 */
@TandemIntegrationTest
class MatchRunRecoveryIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired MatchingManagement matching;
    @Autowired MatchRunner runner;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @MockitoSpyBean ProgramScoring scoring;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listeners;

    TestOrganisation org;
    ProgramView program;

    void program(int mentees, int mentors) {
        org = organisations.create();
        people.importCsv(
                org.id(), MatchingBench.csv(mentees + mentors).getBytes(StandardCharsets.UTF_8));
        program = programs.create(org.id(), ProgramDraft.of("Recovery", "CROSS_DIVISIONAL"));
        List<PersonSummary> everyone = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch =
                    people.search(
                            org.id(), DirectoryQuery.all(), PageQuery.of(page, PageQuery.MAX_SIZE));
            everyone.addAll(batch.items());
            if (!batch.hasNext()) {
                break;
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < everyone.size(); i++) {
            boolean mentor = i < mentors;
            rows.add(
                    new Object[] {
                        UUID.randomUUID(),
                        org.id().value(),
                        program.id().value(),
                        everyone.get(i).id().value(),
                        mentor ? "MENTOR" : "MENTEE",
                        mentor ? 4 : null,
                        now,
                        now
                    });
        }
        template.batchUpdate(
                "insert into enrolment (id, organisation_id, program_id, person_id, role, status, capacity, skills_wanted,"
                        + " skills_offered, enrolled_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, '', '', ?, ?)",
                rows);
    }

    /** A run as a process killed with {@code kill -9} leaves it: RUNNING, its heartbeat stopped. */
    MatchRunId leftRunning(Instant lastHeartbeat) {
        MatchRunId id = new MatchRunId(UUID.randomUUID());
        jdbc.sql(
                        "insert into match_run (id, organisation_id, program_id, objective, algorithm, status, progress,"
                                + " created_at, heartbeat_at) values (?, ?, ?, 'TOTAL', 'OPTIMAL', 'RUNNING', 0.4, ?, ?)")
                .params(
                        id.value(),
                        org.id().value(),
                        program.id().value(),
                        Timestamp.from(lastHeartbeat),
                        Timestamp.from(lastHeartbeat))
                .update();
        return id;
    }

    @Test
    void aRunWhoseProcessWasKilledIsMarkedFailedWithTheReasonAndRunsAgain() {
        program(40, 15);
        MatchRunId killed = leftRunning(Instant.now().minus(Duration.ofMinutes(10)));
        MatchRunId alive = leftRunning(Instant.now());

        runner.sweep();

        MatchRunView failed = matching.status(org.id(), killed);
        assertThat(failed.status()).isEqualTo(MatchRunStatus.FAILED);
        assertThat(failed.error()).contains("the instance running it stopped");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(matching.status(org.id(), alive).status())
                .as("a run whose instance still beats is left alone")
                .isEqualTo(MatchRunStatus.RUNNING);
        var admin = TestOrganisations.signedIn(org.id(), "hr@recovery.test", Role.ADMIN);
        assertThat(
                        mvc.get()
                                .uri("/match-runs/{id}", killed)
                                .header("HX-Request", "true")
                                .with(admin))
                .as("the polling progress bar stops and the whole page loads")
                .hasStatusOk()
                .hasHeader("HX-Refresh", "true");
        assertThat(mvc.get().uri("/match-runs/{id}", killed).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("The run failed: the instance running it stopped")
                .contains("Run again")
                .doesNotContain("Matching in progress");

        MatchRunView again = matching.rerun(org.id(), killed);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matching.status(org.id(), again.id()).finished());
        assertThat(matching.status(org.id(), again.id()).status()).isEqualTo(MatchRunStatus.DONE);
        jdbc.sql("update match_run set status = 'FAILED' where id = ?")
                .param(alive.value())
                .update();
    }

    @Test
    void aRunThatRunsOutOfMemoryFailsAtOnceSayingSoAndTheInstanceRunsTheNextOne() {
        program(40, 15);
        doThrow(new OutOfMemoryError("Java heap space")).when(scoring).read(any(), any());
        MatchRunView run =
                matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);

        // well before the sweep's 30 s: the instance says why, not that it stopped
        await().atMost(Duration.ofSeconds(10))
                .until(() -> matching.status(org.id(), run.id()).finished());
        MatchRunView failed = matching.status(org.id(), run.id());
        assertThat(failed.status()).isEqualTo(MatchRunStatus.FAILED);
        assertThat(failed.error())
                .contains("needed more memory than this instance has")
                .doesNotContain("the instance running it stopped");
        var admin = TestOrganisations.signedIn(org.id(), "hr@recovery.test", Role.ADMIN);
        assertThat(mvc.get().uri("/match-runs/{id}", run.id()).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("The run failed: it needed more memory than this instance has")
                .contains("Run again");

        reset(scoring);
        MatchRunView again = matching.rerun(org.id(), run.id());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> matching.status(org.id(), again.id()).finished());
        assertThat(matching.status(org.id(), again.id()).status()).isEqualTo(MatchRunStatus.DONE);
    }

    @Test
    void aCancelRecordedInTheDatabaseStopsTheRunOnTheInstanceRunningIt() throws Exception {
        program(4_000, 1_200);
        // The run waits for a thread, so the cancel surely comes before its result, however fast
        // the machine solves it.
        CountDownLatch release = new CountDownLatch(1);
        MatchRunView run;
        try {
            occupy(runner.runThreads(), release);
            run = matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
            await().atMost(Duration.ofSeconds(30)).until(() -> runner.runsHere(run.id()));

            // Another instance asks for the cancel: it only writes the flag.
            jdbc.sql("update match_run set cancel_requested = true where id = ?")
                    .param(run.id().value())
                    .update();
        } finally {
            release.countDown();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> !runner.runsHere(run.id()));
        MatchRunView stopped = matching.status(org.id(), run.id());
        assertThat(stopped.status()).isEqualTo(MatchRunStatus.CANCELLED);
        assertThat(matching.run(org.id(), run.id()).proposals()).isEmpty();
    }

    @Test
    void theApiCancelsARunAtOnceAndThePageSaysSo() {
        program(40, 15);
        MatchRunId running = leftRunning(Instant.now());

        assertThat(
                        mvc.post()
                                .uri("/api/v1/match-runs/{id}/cancel", running)
                                .header("Authorization", org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.cancelled")
                .isEqualTo(true);

        assertThat(matching.status(org.id(), running).status()).isEqualTo(MatchRunStatus.CANCELLED);
        assertThat(
                        mvc.get()
                                .uri("/match-runs/{id}", running)
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "hr@recovery.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("The run was cancelled")
                .contains("Run again");
    }

    /**
     * Publishing thousands of pairs queues thousands of event listeners (mails, activity) on the
     * application's shared executor. A run started then used to wait behind them, RUNNING but never
     * beating, until the sweep gave it up as if its instance had died.
     */
    @Test
    void aRunStartedWhileEventListenersKeepEveryThreadBusyRunsToDone() throws Exception {
        program(40, 15);
        CountDownLatch release = new CountDownLatch(1);
        try {
            occupy(listeners, release);
            MatchRunView run =
                    matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> matching.status(org.id(), run.id()).finished());
            assertThat(matching.status(org.id(), run.id()).status()).isEqualTo(MatchRunStatus.DONE);
        } finally {
            release.countDown();
        }
    }

    /**
     * A run waiting for a free runner thread is alive: its instance beats for it from the moment it
     * was accepted, so the sweep leaves it alone, and it runs to DONE once a thread is free.
     */
    @Test
    void aRunWaitingForARunnerThreadKeepsBeatingAndThenRuns() throws Exception {
        program(40, 15);
        CountDownLatch release = new CountDownLatch(1);
        MatchRunView run;
        try {
            occupy(runner.runThreads(), release);
            run = matching.start(org.id(), program.id(), Objective.TOTAL, Algorithm.OPTIMAL);
            MatchRunId id = run.id();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> heartbeatAfterStart(id).compareTo(Duration.ofMillis(2_500)) > 0);
            runner.sweep();
            assertThat(matching.status(org.id(), id).status())
                    .as("queued, beating, not given up")
                    .isEqualTo(MatchRunStatus.RUNNING);
            // Its beats could not be written for ten minutes (a lock, a slow database): the
            // instance that holds the run knows it is alive and does not give it up.
            jdbc.sql("update match_run set heartbeat_at = ? where id = ?")
                    .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), id.value())
                    .update();
            runner.sweep();
            assertThat(matching.status(org.id(), id).status())
                    .as("held by this instance, not given up")
                    .isEqualTo(MatchRunStatus.RUNNING);
        } finally {
            release.countDown();
        }
        MatchRunId id = run.id();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> matching.status(org.id(), id).finished());
        assertThat(matching.status(org.id(), id).status()).isEqualTo(MatchRunStatus.DONE);
    }

    /** How long after its creation the run last beat. */
    private Duration heartbeatAfterStart(MatchRunId id) {
        return jdbc.sql("select created_at, heartbeat_at from match_run where id = ?")
                .param(id.value())
                .query(
                        (rs, n) ->
                                Duration.between(
                                        rs.getTimestamp(1).toInstant(),
                                        rs.getTimestamp(2).toInstant()))
                .single();
    }

    /** Keeps every thread of the pool busy until {@code release}. */
    private static void occupy(ThreadPoolTaskExecutor pool, CountDownLatch release)
            throws InterruptedException {
        int threads = pool.getCorePoolSize();
        CountDownLatch busy = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(
                    () -> {
                        busy.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
        assertThat(busy.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("every thread of the pool is held")
                .isTrue();
    }
}
