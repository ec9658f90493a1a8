package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Background work scheduled in the database runs once, however many instances poll for it. */
@TandemIntegrationTest
class TaskSchedulingIntegrationTests {

    record Work(UUID organisation, int number) {}

    @Autowired DataSource dataSource;
    @Autowired SchedulerClient client;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void twoInstancesRunEachScheduledInstanceExactlyOnce() {
        String name = "test-once-" + UUID.randomUUID();
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
        UUID organisation = UUID.randomUUID();
        OneTimeTask<Work> task =
                Tasks.oneTime(name, Work.class)
                        .execute(
                                (instance, context) -> {
                                    assertThat(instance.getData().organisation())
                                            .isEqualTo(organisation);
                                    runs.computeIfAbsent(
                                                    instance.getData().number(),
                                                    n -> new AtomicInteger())
                                            .incrementAndGet();
                                    byInstance
                                            .computeIfAbsent(
                                                    context.getExecution().pickedBy,
                                                    n -> new AtomicInteger())
                                            .incrementAndGet();
                                });
        int count = 300;
        Instant due = Instant.now().minusSeconds(1);
        IntStream.range(0, count)
                .forEach(
                        i ->
                                client.schedule(
                                        task.instance("work-" + i, new Work(organisation, i)),
                                        due));

        Scheduler first = instance(task);
        Scheduler second = instance(task);
        first.start();
        second.start();
        try {
            await().atMost(Duration.ofMinutes(1))
                    .until(
                            () ->
                                    runs.values().stream().mapToInt(AtomicInteger::get).sum()
                                            >= count);
            await().atMost(Duration.ofSeconds(30)).until(() -> remaining(name) == 0);
        } finally {
            first.stop();
            second.stop();
        }

        assertThat(runs).hasSize(count);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(byInstance.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(count);
    }

    @Test
    void scheduledWorkKeepsItsDataAsJson() {
        String name = "test-json-" + UUID.randomUUID();
        OneTimeTask<Work> task = Tasks.oneTime(name, Work.class).execute((instance, context) -> {});
        UUID organisation = UUID.randomUUID();
        client.schedule(
                task.instance("one", new Work(organisation, 7)), Instant.now().plusSeconds(3600));

        String data =
                new String(
                        jdbc.sql("select task_data from scheduled_tasks where task_name = ?")
                                .param(name)
                                .query(byte[].class)
                                .single());
        assertThat(json.readTree(data).get("organisation").asString())
                .isEqualTo(organisation.toString());
        assertThat(json.readTree(data).get("number").asInt()).isEqualTo(7);
        client.cancel(task.instance("one"));
        assertThat(remaining(name)).isZero();
    }

    private Scheduler instance(Task<?> task) {
        return TaskScheduling.build(
                dataSource,
                List.of(task),
                new TaskScheduling.JsonTaskData(json),
                Duration.ofMillis(200),
                4,
                null);
    }

    private long remaining(String name) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }
}
