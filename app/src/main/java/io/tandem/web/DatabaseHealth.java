package io.tandem.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health contributor (part of readiness), answering within a bound. Boot's own check
 * waits for a pooled connection, which during an outage is the pool's whole connection timeout (2
 * s, twice on PostgreSQL: once for each dead connection's replacement). Here the check runs on its
 * own thread, one at a time, and a check that has not answered within {@code
 * tandem.health.database-timeout} counts as DOWN; a later call joins the check still running.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final DataSourceHealthIndicator check;
    private final Duration timeout;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "database-health");
                        thread.setDaemon(true);
                        return thread;
                    });
    private CompletableFuture<Health> running;

    DatabaseHealth(DataSource dataSource, WebProperties properties) {
        this.check = new DataSourceHealthIndicator(dataSource);
        this.timeout = properties.health().databaseTimeout();
    }

    @Override
    public Health health() {
        try {
            return current().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeout).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(check::health, executor);
        }
        return running;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
