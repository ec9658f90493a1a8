package io.tandem;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/** Another instance's scheduler on the same database, for tests that prove work runs once. */
public final class SecondSchedulers {

    private SecondSchedulers() {}

    /** Built as the application builds its own, polling every 200 ms with 4 threads. */
    public static Scheduler on(DataSource dataSource, JsonMapper json, Task<?> task) {
        return on(dataSource, json, task, "second-instance");
    }

    /** The same, under its own name, which shows in {@code picked_by}. */
    public static Scheduler on(DataSource dataSource, JsonMapper json, Task<?> task, String name) {
        return TaskScheduling.build(
                dataSource,
                List.of(task),
                new TaskScheduling.JsonTaskData(json),
                Duration.ofMillis(200),
                4,
                name);
    }
}
