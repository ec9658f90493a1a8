package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances started at once on one fresh PostgreSQL database with the demo switched on write
 * the demo once: the same rows, table by table, as one instance alone writes into another fresh
 * schema.
 */
@Tag("database")
@EnabledIfSystemProperty(named = "tandem.test.database", matches = "postgres")
class DemoTwoInstancesIntegrationTests {

    static final List<String> TABLES =
            List.of(
                    "organisation",
                    "account",
                    "person",
                    "program",
                    "enrolment",
                    "match_run",
                    "match_proposal",
                    "mentorship",
                    "self_match_request",
                    "agreement",
                    "goal",
                    "action_item",
                    "note",
                    "meeting",
                    "message");

    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String ALONE = "demo_alone_" + SUFFIX;
    static final String TOGETHER = "demo_together_" + SUFFIX;

    /**
     * The instances leave the test JVM's logging as it is: two Spring Boot applications starting at
     * once each reset the one shared logback context, and one of them found the other's half made
     * ("Unable to find Spring Environment in logger context").
     */
    @BeforeAll
    static void schemas() throws SQLException {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try (Connection connection = connect()) {
            connection.createStatement().execute("create schema " + ALONE);
            connection.createStatement().execute("create schema " + TOGETHER);
        }
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        try (Connection connection = connect()) {
            connection.createStatement().execute("drop schema if exists " + ALONE + " cascade");
            connection.createStatement().execute("drop schema if exists " + TOGETHER + " cascade");
        }
    }

    @Test
    void twoInstancesStartingTogetherWriteTheDemoOnce() throws SQLException {
        startAndStop(List.of(ALONE));
        startAndStop(List.of(TOGETHER, TOGETHER));

        Map<String, Long> alone = counts(ALONE);
        assertThat(alone.get("program")).isEqualTo(3);
        assertThat(alone.get("mentorship")).isPositive();
        assertThat(alone.get("meeting")).isPositive();
        assertThat(counts(TOGETHER)).isEqualTo(alone);
    }

    /**
     * Starts one instance per schema named, all at once, waits until each is up, and stops them.
     */
    private static void startAndStop(List<String> schemas) {
        List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
        for (String schema : schemas) {
            starting.add(CompletableFuture.supplyAsync(() -> start(schema)));
        }
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        RuntimeException failure = null;
        for (var instance : starting) {
            try {
                started.add(instance.join());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        started.forEach(ConfigurableApplicationContext::close);
        if (failure != null) {
            throw failure;
        }
    }

    private static ConfigurableApplicationContext start(String schema) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + url(schema),
                        "--spring.flyway.schemas=" + schema,
                        "--server.port=0",
                        "--tandem.demo=true",
                        "--tandem.base-url=http://localhost:0");
    }

    private static Map<String, Long> counts(String schema) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connect()) {
            for (String table : TABLES) {
                var result =
                        connection
                                .createStatement()
                                .executeQuery("select count(*) from " + schema + "." + table);
                result.next();
                counts.put(table, result.getLong(1));
            }
        }
        return counts;
    }

    private static String url(String schema) {
        String url = System.getProperty("spring.datasource.url");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password"));
    }
}
