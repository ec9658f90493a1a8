package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.web.StartupTasks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starting the application as {@code java -jar} does: it is not ready while the demo is still
 * loading, even after start-up, and it then says in one log line which address to open.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupIntegrationTests {

    /** Stands for demo work that goes on past start-up, like a match run the demo starts. */
    @Configuration(proxyBeanMethods = false)
    static class DemoStillLoading {

        static StartupTasks.Task loading;

        @Bean
        ApplicationRunner keepLoading(StartupTasks startup) {
            return args -> loading = startup.begin("demo");
        }
    }

    @Test
    void notReadyUntilTheDemoHasLoadedThenSaysWhereToGo(CapturedOutput output) throws Exception {
        AtomicReference<String> beforeTraffic = new AtomicReference<>("");
        ApplicationListener<ApplicationEvent> readiness =
                event -> {
                    if (event instanceof AvailabilityChangeEvent<?> change
                            && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                        beforeTraffic.compareAndSet("", output.getOut());
                    }
                };
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(TandemApplication.class, DemoStillLoading.class)
                        .listeners(readiness)
                        .properties(
                                "PORT=0",
                                "TANDEM_DB_URL=jdbc:h2:mem:startup-"
                                        + UUID.randomUUID()
                                        + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
                                "TANDEM_DEMO=true",
                                "tandem.base-url=http://localhost:0",
                                "tandem.matching.warm-up=100")
                        .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(503);
            assertThat(status(port, "/actuator/health")).isEqualTo(503);
            assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(output.getOut()).doesNotContain("Tandem is ready");
            // The streams' rows were written before the application took traffic.
            assertThat(beforeTraffic.get()).containsPattern("Wrote \\d+ message rows to warm up");

            DemoStillLoading.loading.close();

            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(status(port, "/actuator/health")).isEqualTo(200);
            assertThat(output.getOut())
                    .containsOnlyOnce("Tandem is ready: open http://localhost:" + port + "/");
            // Matching warms up in the background once started, every template in turn.
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> output.getOut().contains("to warm up matching"));
            assertThat(output.getOut())
                    .containsPattern("Matched 100 x 30 made-up people for each of \\d+ templates")
                    .doesNotContain("Warming up matching failed");
        }
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
