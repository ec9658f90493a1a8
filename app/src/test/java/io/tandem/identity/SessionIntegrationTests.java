package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.StatementLog;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions over real HTTP: none for strangers, no collisions on parallel first requests, no write
 * unless something changed. Its own context, because spring-security-test's {@code csrf()} swaps a
 * session-backed CSRF repository into the shared context's filter chain once any MockMvc test has
 * used it.
 */
@TandemIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "tandem.test.context=sessions")
@org.springframework.context.annotation.Import(StatementLog.Configuration.class)
class SessionIntegrationTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META =
            Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER =
            Pattern.compile("name=\"csrf-header\" content=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired JdbcClient jdbc;
    @Autowired IdentityManagement identity;
    @Autowired TestOrganisations organisations;
    @Autowired SessionConfiguration.SessionCleanup cleanup;
    @Autowired SessionConfiguration.ThrottledSessionRepository sessionRepository;
    @Autowired StatementLog statements;

    @Test
    void tenThousandStrangersAddNoSessionRowsAndWriteNothingToTheSessionTable() throws Exception {
        long before = sessions();
        // No cookie handler: every request comes from a new stranger, as a crawler's would.
        HttpClient strangers =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        List<String> others =
                List.of(
                        "/css/tandem.css",
                        "/js/tandem.js",
                        "/webjars/htmx.org/dist/htmx.min.js",
                        "/error",
                        "/no-such-page",
                        "/programs");
        int threads = 4;
        int perThread = 10_000 / threads;
        List<String> writes =
                statements.fromAnyThread(
                        () -> {
                            var pool = Executors.newFixedThreadPool(threads);
                            try {
                                List<Callable<List<String>>> calls = new java.util.ArrayList<>();
                                for (int t = 0; t < threads; t++) {
                                    calls.add(
                                            () -> {
                                                List<String> wrong = new java.util.ArrayList<>();
                                                for (int i = 0; i < perThread; i++) {
                                                    int status =
                                                            get(strangers, "/login").statusCode();
                                                    if (status != 200) {
                                                        wrong.add("/login " + status);
                                                    }
                                                    if (i % 20 == 0) {
                                                        String other =
                                                                others.get(
                                                                        (i / 20) % others.size());
                                                        status = get(strangers, other).statusCode();
                                                        if (status >= 500 && !other.equals("/error")
                                                                || status == 403) {
                                                            wrong.add(other + " " + status);
                                                        }
                                                    }
                                                }
                                                return wrong;
                                            });
                                }
                                for (Future<List<String>> wrong : pool.invokeAll(calls)) {
                                    assertThat(wrong.get()).isEmpty();
                                }
                            } finally {
                                pool.shutdown();
                            }
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .isEmpty();
        assertThat(sessions()).isEqualTo(before);

        HttpClient wrong = client();
        String form = get(wrong, "/login").body();
        var refused =
                post(
                        wrong,
                        "/login",
                        "username=nobody@acme.test&password=wrong&_csrf=" + field(form));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() throws Exception {
        String email = "csrf-" + UUID.randomUUID() + "@acme.test";
        identity.ensureAccount(
                organisations.create().id(), email, "Csrf tester", "session-secret", Role.ADMIN);
        HttpClient browser = client();
        get(browser, "/login");
        var refused =
                post(
                        browser,
                        "/login",
                        "username="
                                + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                + "&password=session-secret");
        assertThat(refused.statusCode()).isEqualTo(403);
        // Still a stranger: the next page sends them to sign in.
        assertThat(get(browser, "/programs").statusCode()).isEqualTo(302);
    }

    @Test
    void parallelRequestsRightAfterSignInAllSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            HttpClient browser = signedIn();
            List<String> pages =
                    List.of(
                            "/",
                            "/programs",
                            "/people",
                            "/requests",
                            "/mentorships",
                            "/notifications",
                            "/profile/edit",
                            "/programs");
            var pool = Executors.newFixedThreadPool(pages.size());
            try {
                List<Callable<Integer>> calls =
                        pages.stream()
                                .<Callable<Integer>>map(p -> () -> get(browser, p).statusCode())
                                .toList();
                for (Future<Integer> status : pool.invokeAll(calls)) {
                    assertThat(status.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void formsAndHtmxRequestsStillNeedAndAcceptTheCsrfToken() throws Exception {
        HttpClient browser = signedIn();
        String page = get(browser, "/programs").body();

        var withoutToken =
                send(browser, "POST", "/notifications/read", "", null, null, "text/html");
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        var form = post(browser, "/notifications/read", "_csrf=" + field(page));
        assertThat(form.statusCode()).isLessThan(400);

        var htmx =
                send(
                        browser,
                        "POST",
                        "/notifications/read",
                        "",
                        header(page),
                        meta(page),
                        "text/html");
        assertThat(htmx.statusCode()).isLessThan(400);
    }

    @Test
    void signedInRequestsWithinAMinuteWriteNothingToTheSessionTable() throws Exception {
        HttpClient browser = signedIn();
        List<String> writes =
                statements.fromAnyThread(
                        () -> {
                            assertThat(get(browser, "/programs").statusCode()).isEqualTo(200);
                            assertThat(get(browser, "/people").statusCode()).isEqualTo(200);
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .isEmpty();
    }

    @Test
    void aPageReadsItsSessionOnceAndASignOutElsewhereCountsAtTheNextRequest() throws Exception {
        HttpClient browser = signedIn();
        assertThat(get(browser, "/people").statusCode()).isEqualTo(200);
        List<String> sent =
                statements.fromAnyThread(
                        () -> assertThat(get(browser, "/people").statusCode()).isEqualTo(200));
        assertThat(sent.stream().filter(StatementLog.reading("spring_session")).toList())
                .as("reads of the session for one page")
                .hasSize(1);

        // Another instance signs the person out: it deletes the row this instance read before.
        var cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        String cookie =
                cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("SESSION"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
        String id =
                new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("delete from spring_session where session_id = ?").param(id).update())
                .isEqualTo(1);
        var after = get(browser, "/people");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theLastAccessTimeIsWrittenAtMostOnceAMinute() throws Exception {
        var session = sessionRepository.createSession();
        session.setAttribute("kept", "value");
        sessionRepository.save(session);
        // The table keeps milliseconds.
        Instant created = session.getLastAccessedTime().truncatedTo(ChronoUnit.MILLIS);

        List<String> writes =
                statements.fromAnyThread(
                        () -> {
                            for (int seconds : new int[] {10, 30, 59}) {
                                var again = sessionRepository.findById(session.getId());
                                again.setLastAccessedTime(created.plusSeconds(seconds));
                                sessionRepository.save(again);
                            }
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .isEmpty();

        writes =
                statements.fromAnyThread(
                        () -> {
                            var later = sessionRepository.findById(session.getId());
                            later.setLastAccessedTime(created.plusSeconds(61));
                            sessionRepository.save(later);
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .hasSize(1);
        assertThat(sessionRepository.findById(session.getId()).getLastAccessedTime())
                .isEqualTo(created.plusSeconds(61));

        writes =
                statements.fromAnyThread(
                        () -> {
                            var changed = sessionRepository.findById(session.getId());
                            changed.setAttribute("kept", "changed");
                            sessionRepository.save(changed);
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .as("a changed attribute is saved at once")
                .isNotEmpty();
        sessionRepository.deleteById(session.getId());
    }

    @Test
    void everyRequestReadsItsSessionInOneStatementWithoutATransaction() {
        var session = sessionRepository.createSession();
        session.setAttribute("kept", "value");
        sessionRepository.save(session);
        StatementLog.Sent sent =
                statements.sentOnThisThread(
                        () -> {
                            var found = sessionRepository.findById(session.getId());
                            assertThat(found.<String>getAttribute("kept")).isEqualTo("value");
                        });
        assertThat(sent.statements()).hasSize(1);
        assertThat(sent.commits()).as("transactions committed to read a session").isZero();

        var changed = sessionRepository.findById(session.getId());
        changed.setAttribute("kept", "changed");
        changed.setAttribute("added", "too");
        assertThat(statements.commitsOnThisThread(() -> sessionRepository.save(changed)))
                .as("a change is saved in one transaction")
                .isEqualTo(1);
        assertThat(sessionRepository.findById(session.getId()).<String>getAttribute("added"))
                .isEqualTo("too");
        sessionRepository.deleteById(session.getId());
    }

    @Test
    void requestsThatReadTheSameStaleLastAccessTimeAtOnceWriteItOnce() throws Exception {
        var session = sessionRepository.createSession();
        sessionRepository.save(session);
        Instant created = session.getLastAccessedTime();

        List<String> writes =
                statements.fromAnyThread(
                        () -> {
                            // Three requests of one session read it before any of them is saved.
                            var first = sessionRepository.findById(session.getId());
                            var second = sessionRepository.findById(session.getId());
                            var third = sessionRepository.findById(session.getId());
                            first.setLastAccessedTime(created.plusSeconds(61));
                            second.setLastAccessedTime(created.plusSeconds(61));
                            third.setLastAccessedTime(created.plusSeconds(62));
                            sessionRepository.save(first);
                            sessionRepository.save(second);
                            sessionRepository.save(third);
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .hasSize(1);
        assertThat(sessionRepository.findById(session.getId()).getLastAccessedTime())
                .isEqualTo(created.plusSeconds(61).truncatedTo(ChronoUnit.MILLIS));

        writes =
                statements.fromAnyThread(
                        () -> {
                            var aMinuteOn = sessionRepository.findById(session.getId());
                            aMinuteOn.setLastAccessedTime(created.plusSeconds(122));
                            sessionRepository.save(aMinuteOn);
                        });
        assertThat(writes.stream().filter(StatementLog.writing("spring_session")).toList())
                .as("a minute after the last write, the next request writes again")
                .hasSize(1);
        sessionRepository.deleteById(session.getId());
    }

    @Test
    void expiredSessionsAreDeletedInBatchesAndLiveOnesKept() {
        long now = System.currentTimeMillis();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 1_234; i++) {
            insertSession(prefix, i, now - 3_600_000);
        }
        insertSession(prefix, 99_999, now + 3_600_000);

        // The scheduled clean-up of another test context may take some of them first: what counts
        // is that every expired one is gone and the live one kept, not who deleted them.
        cleanup.deleteExpired();

        assertThat(
                        jdbc.sql("select count(*) from spring_session where principal_name = ?")
                                .param(prefix)
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
    }

    private void insertSession(String prefix, int i, long expiry) {
        String id = UUID.randomUUID().toString();
        jdbc.sql(
                        "insert into spring_session (primary_id, session_id, creation_time,"
                                + " last_access_time, max_inactive_interval, expiry_time,"
                                + " principal_name) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, UUID.randomUUID().toString(), expiry, expiry, 60, expiry, prefix)
                .update();
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private HttpClient signedIn() throws Exception {
        // A fresh account each time, so the sign-in throttle never steps in.
        String email = "session-" + UUID.randomUUID() + "@acme.test";
        identity.ensureAccount(
                organisations.create().id(), email, "Session tester", "session-secret", Role.ADMIN);
        HttpClient browser = client();
        String form = get(browser, "/login").body();
        var signIn =
                post(
                        browser,
                        "/login",
                        "username="
                                + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                + "&password=session-secret&_csrf="
                                + field(form));
        assertThat(signIn.headers().firstValue("Location").orElseThrow())
                .doesNotContain("error", "locked");
        return browser;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return send(client, "GET", path, null, null, null, "text/html");
    }

    private HttpResponse<String> post(HttpClient client, String path, String form)
            throws Exception {
        return send(client, "POST", path, form, null, null, "text/html");
    }

    private HttpResponse<String> send(
            HttpClient client,
            String method,
            String path,
            String form,
            String headerName,
            String headerValue,
            String accept)
            throws Exception {
        var request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", accept)
                        .method(
                                method,
                                form == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (headerName != null) {
            request.header(headerName, headerValue).header("HX-Request", "true");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String html) {
        return URLEncoder.encode(find(CSRF_FIELD, html), StandardCharsets.UTF_8);
    }

    private static String meta(String html) {
        return find(CSRF_META, html);
    }

    private static String header(String html) {
        return find(CSRF_HEADER, html);
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s in %s", pattern, html).isTrue();
        return matcher.group(1);
    }
}
