package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.messaging.MessageView;
import io.tandem.messaging.MessagingManagement;
import io.tandem.messaging.Subscription;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a running instance (a TCP proxy in front of it is closed): a
 * signed-in page and an API route answer a quick 503, health answers at once, and both serve again
 * when the database is back; a conversation stream open across the outage resumes by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("database")
class DatabaseOutageIntegrationTests {

    static final Proxy proxy;
    static Server h2;

    static {
        try {
            String target = System.getProperty("spring.datasource.url", "");
            int targetPort;
            if (target.startsWith("jdbc:postgresql://")) {
                Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(target);
                targetPort = m.find() ? Integer.parseInt(m.group(2)) : 5432;
            } else {
                int free;
                try (ServerSocket probe = new ServerSocket(0)) {
                    free = probe.getLocalPort();
                }
                h2 =
                        Server.createTcpServer("-tcpPort", String.valueOf(free), "-ifNotExists")
                                .start();
                targetPort = h2.getPort();
            }
            proxy = new Proxy(targetPort);
            proxy.open();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        String target = System.getProperty("spring.datasource.url", "");
        String url =
                target.startsWith("jdbc:postgresql://")
                        ? target.replaceFirst(":\\d+/", ":" + proxy.port() + "/")
                        : "jdbc:h2:tcp://127.0.0.1:"
                                + proxy.port()
                                + "/mem:outage;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        registry.add("spring.datasource.url", () -> url);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        if (h2 != null) {
            h2.stop();
        }
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http =
            HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer test-bootstrap-token")
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void signIn() throws Exception {
        String login = get("/login", "text/html").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String form =
                "username="
                        + URLEncoder.encode("alex.morgan@northwind.example", StandardCharsets.UTF_8)
                        + "&password=tandem-demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .as("signed in")
                .doesNotContain("error");
    }

    @Test
    void pagesAndTheApiAnswer503WhileTheDatabaseIsGoneAndServeAgainAfter() throws Exception {
        signIn();
        assertThat(get("/programs", "text/html").statusCode()).isEqualTo(200);
        assertThat(api("/api/v1/programs").statusCode()).isEqualTo(200);

        proxy.close();
        try {
            long started = System.nanoTime();
            HttpResponse<String> page = get("/programs", "text/html");
            long pageMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("5");
            assertThat(page.body()).contains("<main").contains("cannot reach its database");
            assertThat(pageMillis).as("the page answers quickly").isLessThan(5_000);

            HttpResponse<String> api = api("/api/v1/programs");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(api.body()).contains("\"status\":503");

            started = System.nanoTime();
            HttpResponse<String> readiness = get("/actuator/health/readiness", "application/json");
            long healthMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(healthMillis).as("health answers within about a second").isLessThan(1_500);
            System.out.printf(
                    "outage: page 503 in %d ms, readiness DOWN in %d ms%n",
                    pageMillis, healthMillis);
        } finally {
            proxy.open();
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> {
                            assertThat(get("/programs", "text/html").statusCode()).isEqualTo(200);
                            assertThat(api("/api/v1/programs").statusCode()).isEqualTo(200);
                            assertThat(
                                            get("/actuator/health/readiness", "application/json")
                                                    .statusCode())
                                    .isEqualTo(200);
                        });
    }

    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;

    /**
     * A conversation stream open while the database is gone for 20 seconds (a restart): posting
     * fails meanwhile, and the stream, never reopened, gets what is posted once it is back (on
     * PostgreSQL the listener reconnects through the proxy and catches up).
     */
    @Test
    void aStreamOpenAcrossTheOutageGetsWhatIsPostedAfterIt() throws Exception {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        ProgramView program =
                programs.create(
                        demo,
                        ProgramDraft.of(
                                "Outage " + UUID.randomUUID().toString().substring(0, 8),
                                "CROSS_DIVISIONAL"));
        PersonId priya =
                people.findByEmail(demo, "priya.raman@northwind.example").orElseThrow().id();
        PersonId sam = people.findByEmail(demo, "sam.taylor@northwind.example").orElseThrow().id();
        MentorshipId pair =
                TestPairs.start(
                        programs, enrolling, mentorships, demo, program.id(), sam, priya, 70);
        UUID conversation = messaging.conversationOf(demo, pair, sam);
        List<MessageView> got = new CopyOnWriteArrayList<>();
        try (Subscription stream = messaging.subscribe(demo, conversation, priya, 0, got::add)) {
            messaging.post(demo, conversation, sam, null, "before the restart");
            await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 1);

            proxy.close();
            try {
                assertThatThrownBy(() -> messaging.post(demo, conversation, sam, null, "meanwhile"))
                        .isInstanceOfAny(
                                org.springframework.dao.DataAccessException.class,
                                org.springframework.transaction.TransactionException.class);
                Thread.sleep(20_000);
            } finally {
                proxy.open();
            }

            UUID clientId = UUID.randomUUID();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(
                            () ->
                                    messaging.post(
                                                    demo,
                                                    conversation,
                                                    sam,
                                                    clientId,
                                                    "after the restart")
                                            != null);
            await().atMost(Duration.ofSeconds(60)).until(() -> got.size() >= 2);
        }
        assertThat(got)
                .extracting(MessageView::text)
                .containsExactly("before the restart", "after the restart");
    }

    /** Forwards loopback connections to the database; closing it cuts every one at once. */
    static final class Proxy {
        private final int target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;
        private int port;

        Proxy(int target) {
            this.target = target;
        }

        int port() {
            return port;
        }

        synchronized void open() throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            server = socket;
            Thread accept = new Thread(() -> accept(socket), "db-proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        private void accept(ServerSocket socket) {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket database = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(database);
                    pump(client, database);
                    pump(database, client);
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread thread =
                    new Thread(
                            () -> {
                                byte[] buffer = new byte[8192];
                                try (InputStream in = from.getInputStream();
                                        OutputStream out = to.getOutputStream()) {
                                    int n;
                                    while ((n = in.read(buffer)) >= 0) {
                                        out.write(buffer, 0, n);
                                        out.flush();
                                    }
                                } catch (IOException e) {
                                    // one side went away
                                } finally {
                                    closeQuietly(from);
                                    closeQuietly(to);
                                }
                            },
                            "db-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        synchronized void close() {
            closeQuietly(server);
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
            sockets.clear();
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
