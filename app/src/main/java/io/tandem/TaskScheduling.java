package io.tandem;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * One database-backed scheduler (db-scheduler) for every module's background work that must happen
 * once across all instances: reminders, digests, check-ins, retention. A module declares its work
 * as a bean of type {@link Task} — {@code Tasks.recurring(...)} for a job on a schedule (scheduled
 * at start-up), {@code Tasks.oneTime(...)} for work at a given instant — and schedules one-time
 * instances through the {@link SchedulerClient} bean. Each due execution is picked by exactly one
 * instance with an optimistic update of the {@code scheduled_tasks} row, and an instance that dies
 * while executing has its work picked up again once its heartbeat is stale. Task data is stored as
 * JSON, so a task's data type is a plain record of ids and values.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulerProperties.class, EventProperties.class})
class TaskScheduling {

    static final String TABLE = "scheduled_tasks";

    /**
     * For scheduling and cancelling task instances; independent of the tasks themselves, so a task
     * bean may also schedule through it.
     */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, JsonMapper json) {
        return SchedulerClient.Builder.create(dataSource)
                .serializer(new JsonTaskData(json))
                .tableName(TABLE)
                .build();
    }

    @Bean
    TaskRunner taskRunner(
            DataSource dataSource,
            List<Task<?>> tasks,
            JsonMapper json,
            SchedulerProperties settings) {
        return new TaskRunner(
                () ->
                        build(
                                dataSource,
                                tasks,
                                new JsonTaskData(json),
                                settings.pollingInterval(),
                                settings.threads(),
                                settings.name()),
                settings.enabled());
    }

    /**
     * A scheduler on the given database running the given tasks; the application's own, and a
     * second one in tests that prove work runs once across instances. {@code name} shows in {@code
     * picked_by} (blank: the host name).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Scheduler build(
            DataSource dataSource,
            List<Task<?>> tasks,
            Serializer serializer,
            Duration pollingInterval,
            int threads,
            String name) {
        List startup = tasks.stream().filter(OnStartup.class::isInstance).toList();
        // startTasks(...) adds the recurring tasks to the known ones itself: naming them in both
        // places fails with "Duplicate key" as soon as one recurring task exists.
        List others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        SchedulerBuilder builder =
                Scheduler.create(dataSource, others)
                        .startTasks(startup)
                        .serializer(serializer)
                        .tableName(TABLE)
                        .pollingInterval(pollingInterval)
                        .heartbeatInterval(Duration.ofSeconds(30))
                        .threads(threads)
                        .shutdownMaxWait(Duration.ofSeconds(10));
        if (name != null && !name.isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(name));
        }
        return builder.build();
    }

    /** Starts the scheduler with the application and stops it before the database goes. */
    static final class TaskRunner implements SmartLifecycle {

        // A stopped db-scheduler cannot start again (its executors are gone), and a context may be
        // stopped and started again (the test framework pauses cached contexts): a new one each
        // time.
        private final java.util.function.Supplier<Scheduler> schedulers;
        private final boolean enabled;
        private volatile Scheduler scheduler;
        private volatile boolean running;

        TaskRunner(java.util.function.Supplier<Scheduler> schedulers, boolean enabled) {
            this.schedulers = schedulers;
            this.scheduler = schedulers.get();
            this.enabled = enabled;
        }

        Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public boolean isAutoStartup() {
            return enabled;
        }

        @Override
        public void start() {
            if (scheduler == null) {
                scheduler = schedulers.get();
            }
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                scheduler = null;
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    /** Task data as JSON, with the application's mapper. */
    record JsonTaskData(JsonMapper json) implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            return data == null ? null : json.writeValueAsBytes(data);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] bytes) {
            return bytes == null || type == Void.class ? null : json.readValue(bytes, type);
        }
    }
}
