package io.tandem.web;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Work the application must finish before it takes traffic, such as loading the demo, including the
 * parts that go on after start-up (a match run, event listeners). While any task is open the {@code
 * startup} health contributor, part of readiness, is OUT_OF_SERVICE; once the application is
 * started and every task is done, one log line says which address to open.
 */
@Component("startupHealthIndicator")
public class StartupTasks implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    /** An open task; closing it (once or more) marks it done. */
    public interface Task extends AutoCloseable {
        @Override
        void close();
    }

    private final Set<String> open = new TreeSet<>();
    private final AtomicBoolean announced = new AtomicBoolean();
    private final String baseUrl;
    private volatile String address;

    StartupTasks(WebProperties properties) {
        this.baseUrl = properties.baseUrl();
    }

    public Task begin(String name) {
        synchronized (open) {
            open.add(name);
        }
        return () -> {
            synchronized (open) {
                open.remove(name);
            }
            announceIfReady();
        };
    }

    @Override
    public Health health() {
        synchronized (open) {
            return open.isEmpty()
                    ? Health.up().build()
                    : Health.outOfService().withDetail("loading", String.join(", ", open)).build();
        }
    }

    @EventListener
    void started(ApplicationReadyEvent event) {
        String port = "8080";
        if (event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null) {
            port = String.valueOf(web.getWebServer().getPort());
        }
        address = "http://localhost:" + port + "/";
        announceIfReady();
    }

    private void announceIfReady() {
        boolean idle;
        synchronized (open) {
            idle = open.isEmpty();
        }
        if (idle && address != null && announced.compareAndSet(false, true)) {
            String links = baseUrl.isBlank() || address.startsWith(baseUrl) ? "" : baseUrl;
            if (links.isEmpty()) {
                log.info("Tandem is ready: open {}", address);
            } else {
                log.info("Tandem is ready: open {} (links in mails point to {})", address, links);
            }
        }
    }
}
