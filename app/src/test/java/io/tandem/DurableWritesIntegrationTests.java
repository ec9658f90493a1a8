package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answered write is on disk: the application runs in a child JVM on a file H2 database, is
 * killed with SIGKILL right after its last answer, and the restarted application still has every
 * acknowledged program and imported person. H2 delays writing commits unless told not to.
 */
class DurableWritesIntegrationTests {

    private static final String TOKEN = "durable-writes-token";

    @TempDir Path dataDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;
    private int port;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void acknowledgedProgramsAndImportsSurviveKillNine() throws Exception {
        port = freePort();
        app = start();

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "Durable program " + i + " " + UUID.randomUUID();
            var created =
                    send(
                            "POST",
                            "/api/v1/programs",
                            "application/json",
                            "{\"name\":\"" + name + "\",\"template\":\"CROSS_DIVISIONAL\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            names.add(name);
        }
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name\n");
        for (int i = 0; i < 200; i++) {
            csv.append("D")
                    .append(i)
                    .append(",durable")
                    .append(i)
                    .append("@acme.test,Dura,Ble")
                    .append(i)
                    .append('\n');
        }
        var imported = send("POST", "/api/v1/people/import", "text/csv", csv.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        // The very last acknowledged write, then SIGKILL at once: no shutdown hook runs.
        String last = "Durable last " + UUID.randomUUID();
        var lastCreated =
                send(
                        "POST",
                        "/api/v1/programs",
                        "application/json",
                        "{\"name\":\"" + last + "\",\"template\":\"CROSS_DIVISIONAL\"}");
        assertThat(lastCreated.statusCode()).isEqualTo(201);
        app.destroyForcibly().waitFor();
        names.add(last);

        app = start();
        String programs = send("GET", "/api/v1/programs?size=200", null, null).body();
        assertThat(programs).contains(names);
        var person = send("GET", "/api/v1/people?q=durable199", null, null);
        assertThat(person.body()).contains("durable199@acme.test");
        String people = send("GET", "/api/v1/people?size=1&q=Dura", null, null).body();
        assertThat(people).contains("\"total\":200");
    }

    /**
     * Sam posts to the demo conversation through the API; the answer is 201, then SIGKILL. After
     * the restart the message is there once, and the same post retried (a client that never saw the
     * answer) stores nothing twice.
     */
    @Test
    void anAcknowledgedMessageSurvivesKillNineAndItsRetryIsStoredOnce() throws Exception {
        port = freePort();
        app = start(true);
        Session sam = signIn("sam.taylor@northwind.example");
        String conversations = sam.get("/conversations").body();
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("/conversations/([0-9a-f-]{36})")
                        .matcher(conversations);
        assertThat(link.find()).as(conversations).isTrue();
        String conversation = link.group(1);
        String text = "Survives a crash " + UUID.randomUUID();
        String post = "{\"text\":\"" + text + "\",\"clientId\":\"" + UUID.randomUUID() + "\"}";
        var posted = sam.postJson("/api/v1/conversations/" + conversation + "/messages", post);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        app.destroyForcibly().waitFor();

        app = start(true);
        Session again = signIn("sam.taylor@northwind.example");
        String path = "/api/v1/conversations/" + conversation + "/messages";
        assertThat(occurrences(again.get(path).body(), text)).isEqualTo(1);
        again.get("/conversations"); // the signed-in page's CSRF token
        var retried = again.postJson(path, post);
        assertThat(retried.statusCode()).as(retried.body()).isBetween(200, 201);
        assertThat(occurrences(again.get(path).body(), text)).isEqualTo(1);
    }

    /**
     * Every start loads the demo "once, by name": two more starts of the real application on the
     * same data add no row to any table of content (only the tables that record that it ran:
     * sessions, scheduler, event log, leases, sign-in throttle, migrations).
     */
    @Test
    void restartingTheApplicationTwiceAddsNothingToTheDemo() throws Exception {
        port = freePort();
        app = start(true);
        stopGracefully();
        Map<String, Long> loaded = rowCounts();
        assertThat(loaded.get("PROGRAM")).as("the demo programs").isGreaterThanOrEqualTo(3);
        assertThat(loaded.get("MENTORSHIP")).as("the demo pairs").isPositive();
        assertThat(loaded.get("MEETING")).as("the demo pair's meetings").isPositive();

        for (int restart = 0; restart < 2; restart++) {
            app = start(true);
            stopGracefully();
        }
        assertThat(rowCounts()).isEqualTo(loaded);
    }

    private void stopGracefully() throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
        app = null;
    }

    /** Rows per table of the stopped application's database, leaving out run-time records. */
    private Map<String, Long> rowCounts() throws Exception {
        Set<String> runtime =
                Set.of(
                        "SPRING_SESSION",
                        "SPRING_SESSION_ATTRIBUTES",
                        "SCHEDULED_TASKS",
                        "EVENT_PUBLICATION",
                        "EVENT_PUBLICATION_ARCHIVE",
                        "JOB_LEASE",
                        "LOGIN_ATTEMPT",
                        "FLYWAY_SCHEMA_HISTORY");
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db =
                DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.resolve("tandem") + ";MODE=PostgreSQL",
                        "sa",
                        "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    db.createStatement()
                            .executeQuery(
                                    "select table_name from information_schema.tables"
                                            + " where table_schema = 'PUBLIC'"
                                            + " and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (runtime.contains(table.toUpperCase(java.util.Locale.ROOT))) {
                    continue;
                }
                try (ResultSet rs =
                        db.createStatement()
                                .executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table.toUpperCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static int occurrences(String body, String text) {
        return body.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    /** A signed-in browser session: cookies, and the page's CSRF token for writes. */
    private final class Session {
        final HttpClient client =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .cookieHandler(new java.net.CookieManager())
                        .build();
        String csrfHeader;
        String csrfToken;

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            var response =
                    client.send(
                            HttpRequest.newBuilder(uri(path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            var header =
                    java.util.regex.Pattern.compile("name=\"csrf-header\" content=\"([^\"]+)\"")
                            .matcher(response.body());
            var token =
                    java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                            .matcher(response.body());
            if (header.find() && token.find()) {
                csrfHeader = header.group(1);
                csrfToken = token.group(1);
            }
            return response;
        }

        HttpResponse<String> postJson(String path, String json)
                throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header(csrfHeader, csrfToken)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private Session signIn(String email) throws IOException, InterruptedException {
        Session session = new Session();
        String login = session.get("/login").body();
        var csrf =
                java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        String form =
                "username="
                        + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                        + "&password=tandem-demo&_csrf="
                        + java.net.URLEncoder.encode(
                                csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
        var signedIn =
                session.client.send(
                        HttpRequest.newBuilder(uri("/login"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Process start() throws IOException, InterruptedException {
        return start(false);
    }

    private Process start(boolean demo) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.tandem.TandemApplication");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("TANDEM_DATA_DIR", dataDir.toString());
        builder.environment().put("TANDEM_DEMO", Boolean.toString(demo));
        builder.environment().put("TANDEM_BOOTSTRAP_TOKEN", TOKEN);
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve("app.log").toFile());
        Process process = builder.start();
        // Loading the demo organisation takes a while on a busy machine.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(demo ? 240 : 90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(log()).isTrue();
            try {
                var health = send("GET", "/actuator/health", null, null);
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The application did not start: " + log());
    }

    private HttpResponse<String> send(String method, String path, String type, String body)
            throws IOException, InterruptedException {
        var request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + TOKEN)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log() {
        try {
            File file = dataDir.resolve("app.log").toFile();
            String text = file.exists() ? Files.readString(file.toPath()) : "";
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
