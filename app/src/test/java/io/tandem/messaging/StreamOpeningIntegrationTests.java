package io.tandem.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Streams over a real connection, as a browser opens them. A browser's {@code EventSource} counts a
 * stream as open only when the response's status and headers arrive; before that it stays
 * CONNECTING and the page receives nothing. A conversation with nothing new must therefore answer
 * at once, not with its first heartbeat (every 20 s).
 */
@TandemIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StreamOpeningIntegrationTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "a long enough password 1";

    @LocalServerPort int port;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;
    @Autowired Streams streams;
    @Autowired ObservationRegistry observations;

    OrganisationId org;
    PersonId mia;
    UUID conversation;
    HttpClient browser;

    @BeforeEach
    void evaTalksWithMia() throws Exception {
        org = organisations.create().id();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mentee = "eva-" + tag + "@open.test";
        people.importCsv(
                org,
                ("employee_id,email,first_name,last_name,title,level,division,function,location,"
                                + "time_zone,work_mode,languages,skills\n"
                                + "M1,mia-"
                                + tag
                                + "@open.test,Mia,Mentor,Lead,7,Digital,Engineering,Berlin,"
                                + "Europe/Berlin,HOME_OFFICE,English,Java\n"
                                + "E1,"
                                + mentee
                                + ",Eva,Early,Rep,3,Retail,Sales,New York,America/New_York,"
                                + "FIELD,English,Negotiation\n")
                        .getBytes(StandardCharsets.UTF_8));
        mia = person(org, "M1");
        PersonId eva = person(org, "E1");
        ProgramView program = programs.create(org, ProgramDraft.of("Open", "CROSS_DIVISIONAL"));
        MentorshipId pair =
                TestPairs.start(programs, enrolling, mentorships, org, program.id(), eva, mia, 50);
        conversation = messaging.conversationOf(org, pair, eva);
        messaging.post(org, conversation, mia, null, "Already read when the page opens");
        identity.ensureAccount(org, mentee, "Eva Early", PASSWORD, Role.EMPLOYEE);
        browser = signIn(mentee);
    }

    @Test
    void aConversationWithNothingNewOpensItsStreamsAtOnce() throws Exception {
        for (String path :
                List.of(
                        "/conversations/" + conversation + "/stream",
                        "/api/v1/conversations/" + conversation + "/stream",
                        "/messages/unread/stream")) {
            // The wait is well under the heartbeat, which alone used to send the headers.
            HttpResponse<Stream<String>> stream = open(path);
            try {
                assertThat(stream.statusCode()).as(path).isEqualTo(200);
                assertThat(stream.headers().firstValue("Content-Type"))
                        .as(path)
                        .hasValueSatisfying(
                                type -> assertThat(type).startsWith("text/event-stream"));
            } finally {
                stream.body().close();
            }
        }
    }

    /**
     * A browser that goes away (a closed tab, a lost network) is noticed at the next write: the
     * stream is let go and nothing more is written to it, without a warning in the log. (What the
     * error endpoint does when the container reports such a stream: {@code ErrorResponsesTests}.)
     */
    @Test
    void aStreamTheBrowserDropsIsLetGoQuietly(CapturedOutput output) throws Exception {
        AtomicInteger ended = exchangesEnded();
        for (String path :
                List.of(
                        "/conversations/" + conversation + "/stream",
                        "/api/v1/conversations/" + conversation + "/stream")) {
            HttpResponse<Stream<String>> stream = open(path);
            assertThat(stream.body().findFirst()).as(path).hasValue(":open");
            stream.body().close();
        }
        assertThat(streams.open(conversation)).isEqualTo(2);
        AtomicInteger posted = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .alias("streams still held")
                .until(
                        () -> {
                            messaging.post(
                                    org,
                                    conversation,
                                    mia,
                                    null,
                                    "Anyone there? " + posted.incrementAndGet());
                            return streams.open(conversation) == 0;
                        });
        // The dropped streams' error dispatches end after their last write: wait until the
        // server has finished both exchanges, then nothing more can be logged for them.
        await().atMost(Duration.ofSeconds(20)).untilAtomic(ended, equalTo(2));
        assertThat(output.getAll())
                .doesNotContain("No converter for")
                .doesNotContain("with preset Content-Type 'text/event-stream'");
    }

    /**
     * Counts this conversation's HTTP exchanges the server has finished, error dispatch included:
     * the request's observation stops only when its asynchronous processing completes.
     */
    private AtomicInteger exchangesEnded() {
        AtomicInteger ended = new AtomicInteger();
        String mine = conversation.toString();
        observations
                .observationConfig()
                .observationHandler(
                        new ObservationHandler<ServerRequestObservationContext>() {
                            @Override
                            public boolean supportsContext(Observation.Context context) {
                                return context instanceof ServerRequestObservationContext server
                                        && server.getCarrier().getRequestURI().contains(mine);
                            }

                            @Override
                            public void onStop(ServerRequestObservationContext context) {
                                ended.incrementAndGet();
                            }
                        });
        return ended;
    }

    /** Opens an event stream as a browser's EventSource does; answers once the headers are in. */
    private HttpResponse<Stream<String>> open(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private PersonId person(OrganisationId org, String code) {
        return TestPeople.id(people, org, code);
    }

    private HttpClient signIn(String email) throws Exception {
        HttpClient client =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        String form =
                client.send(
                                HttpRequest.newBuilder(uri("/login")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher csrf = CSRF_FIELD.matcher(form);
        assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
        HttpResponse<String> signedIn =
                client.send(
                        HttpRequest.newBuilder(uri("/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "username="
                                                        + URLEncoder.encode(
                                                                email, StandardCharsets.UTF_8)
                                                        + "&password="
                                                        + URLEncoder.encode(
                                                                PASSWORD, StandardCharsets.UTF_8)
                                                        + "&_csrf="
                                                        + URLEncoder.encode(
                                                                csrf.group(1),
                                                                StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
