package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.notifications.NotificationManagement;
import io.tandem.notifications.OutboxMailView;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Everyone imported can get in: an activation mail with a one-time link, a reset link for a
 * forgotten password, passwords that are not trivially guessed, no way to tell from the pages
 * whether an e-mail has an account, and people who became inactive locked out at once.
 */
@TandemIntegrationTest
class AccountsIntegrationTests {

    private static final Pattern LINK =
            Pattern.compile("(/account/(activate|reset))\\?token=(\\S+)");
    private static final String GOOD = "walnut orbit lantern";

    @LocalServerPort int port;
    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired ProgramInvitations invitations;
    @Autowired NotificationManagement notifications;
    @Autowired IdentityManagement identity;
    @Autowired JdbcClient jdbc;

    @Test
    void anActivationMailCarriesALinkThatSetsThePasswordOnce() {
        TestOrganisation org = organisations.create();
        String email = importPerson(org, "Ada", "ACTIVE");
        assertThat(identity.accountState(org.id(), email).status())
                .isEqualTo(AccountState.Status.NONE);

        people.sendActivation(org.id(), personId(org, email));
        String link =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> linkTo(org, email), l -> l != null);
        assertThat(link).startsWith("/account/activate?token=");
        assertThat(identity.accountState(org.id(), email).status())
                .isEqualTo(AccountState.Status.INVITED);
        assertThat(signIn(email, GOOD)).isEqualTo("/login?error");

        // Only a hash of the secret is stored.
        String secret = link.substring(link.indexOf('=') + 1);
        assertThat(
                        jdbc.sql("select count(*) from account_token where token_hash = ?")
                                .param(secret)
                                .query(Long.class)
                                .single())
                .isZero();
        assertThat(
                        jdbc.sql("select count(*) from account_token where token_hash = ?")
                                .param(IdentityManagement.hash(secret))
                                .query(Long.class)
                                .single())
                .isOne();

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("choose your password");
        assertThat(setPassword("/account/activate", secret, "password123", "password123"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("one of the passwords people try first");
        assertThat(setPassword("/account/activate", secret, "short", "short"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("at least 10 characters");
        assertThat(setPassword("/account/activate", secret, GOOD, GOOD + "!"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("not the same");
        assertThat(setPassword("/account/activate", secret, "x".repeat(73), "x".repeat(73)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("too long");
        // Both problems at once, each beside its field: too short, and typed differently.
        assertThat(setPassword("/account/activate", secret, "short", "shorter"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .containsPattern("id=\"password-error\"[^>]*>[^<]*at least 10 characters")
                .containsPattern("id=\"confirm-error\"[^>]*>[^<]*not the same");

        assertThat(setPassword("/account/activate", secret, GOOD, GOOD))
                .hasRedirectedUrl("/login?activated");
        assertThat(identity.accountState(org.id(), email).status())
                .isEqualTo(AccountState.Status.ACTIVATED);
        assertThat(signIn(email, GOOD)).isEqualTo("/");

        // Single use: the same link again sets nothing.
        assertThat(setPassword("/account/activate", secret, GOOD + " two", GOOD + " two"))
                .hasStatus(HttpStatus.GONE);
        assertThat(mvc.get().uri(link))
                .hasStatus(HttpStatus.GONE)
                .bodyText()
                .contains("can no longer be used");
        assertThat(signIn(email, GOOD + " two")).isEqualTo("/login?error");
    }

    @Test
    void anExpiredLinkSetsNothing() {
        TestOrganisation org = organisations.create();
        String email = importPerson(org, "Eve", "ACTIVE");
        people.sendActivation(org.id(), personId(org, email));
        String link =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> linkTo(org, email), l -> l != null);
        String secret = link.substring(link.indexOf('=') + 1);
        jdbc.sql("update account_token set expires_at = ? where token_hash = ?")
                .params(
                        Timestamp.from(Instant.now().minusSeconds(1)),
                        IdentityManagement.hash(secret))
                .update();

        assertThat(mvc.get().uri(link)).hasStatus(HttpStatus.GONE);
        assertThat(setPassword("/account/activate", secret, GOOD, GOOD)).hasStatus(HttpStatus.GONE);
        assertThat(signIn(email, GOOD)).isEqualTo("/login?error");
        // An activation link does not work as a reset link either.
        assertThat(mvc.get().uri("/account/reset?token=" + secret)).hasStatus(HttpStatus.GONE);
    }

    @Test
    void activationGoesToEveryoneNotYetActivatedAndTheAdminSeesWhoIs() {
        TestOrganisation org = organisations.create();
        // Accounts outlive a run on PostgreSQL, and an e-mail signs in to one organisation only.
        String run = UUID.randomUUID().toString().substring(0, 8);
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,status\n"
                                + "A1,a1-"
                                + run
                                + "@acts.test,Ann,One,ACTIVE\n"
                                + "A2,a2-"
                                + run
                                + "@acts.test,Abe,Two,ACTIVE\n"
                                + "A3,a3-"
                                + run
                                + "@acts.test,Ava,Three,ACTIVE\n"
                                + "A4,a4-"
                                + run
                                + "@acts.test,Axl,Four,INACTIVE\n")
                        .getBytes(StandardCharsets.UTF_8));
        String mail1 = "a1-" + run + "@acts.test";
        people.sendActivation(org.id(), personId(org, mail1));
        String link =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> linkTo(org, mail1), l -> l != null);
        assertThat(
                        setPassword(
                                "/account/activate",
                                link.substring(link.indexOf('=') + 1),
                                GOOD,
                                GOOD))
                .hasRedirectedUrl("/login?activated");

        var admin = TestOrganisations.signedIn(org.id(), "admin-" + run + "@acts.test", Role.ADMIN);
        assertThat(mvc.post().uri("/people/accounts/activations").with(csrf()).with(admin))
                .hasRedirectedUrl("/people/accounts");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(mails(org))
                                        .extracting(OutboxMailView::recipient)
                                        .containsExactlyInAnyOrder(
                                                mail1,
                                                "a2-" + run + "@acts.test",
                                                "a3-" + run + "@acts.test"));
        assertThat(mvc.get().uri("/people/accounts").with(admin))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "1 can sign in; 2 active people cannot sign in yet (2 of them have an activation mail); 1 inactive")
                .contains("Ann One", "Axl Four");
        assertThat(mvc.get().uri("/people/accounts?waiting=true").with(admin))
                .bodyText()
                .contains("Abe Two", "Ava Three")
                .doesNotContain("Ann One", "Axl Four");
        assertThat(
                        mvc.get()
                                .uri("/people/accounts")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(),
                                                "e-" + run + "@acts.test",
                                                Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdminSendsAnActivationFromTheProfileAndSeesItThere() {
        TestOrganisation org = organisations.create();
        String email = importPerson(org, "Pia", "ACTIVE");
        PersonId id = personId(org, email);
        var admin = TestOrganisations.signedIn(org.id(), "boss-" + email, Role.ADMIN);

        assertThat(mvc.get().uri("/people/{id}", id.value()).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Cannot sign in yet: no activation mail has been sent.")
                .contains("Send activation e-mail");
        assertThat(mvc.post().uri("/people/{id}/activation", id.value()).with(csrf()).with(admin))
                .hasRedirectedUrl("/people/" + id.value());
        assertThat(mvc.get().uri("/people/{id}", id.value()).with(admin))
                .bodyText()
                .contains("an activation mail was sent on")
                .contains("Send the activation e-mail again");
        // Colleagues see the profile, not the account.
        assertThat(
                        mvc.get()
                                .uri("/people/{id}", id.value())
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "peer-" + email, Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("activation");
        assertThat(
                        mvc.post()
                                .uri("/people/{id}/activation", id.value())
                                .with(csrf())
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "peer-" + email, Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void integratorsSendActivationsAndReadAccountsThroughTheApi() {
        TestOrganisation org = organisations.create();
        String email = importPerson(org, "Api", "ACTIVE");
        String inactive = importPerson(org, "Old", "INACTIVE");
        PersonId id = personId(org, email);

        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}/account", id.value())
                                .header("Authorization", org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"status\":\"NONE\"}");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/people/{id}/activation", id.value())
                                .header("Authorization", org.bearer()))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .isLenientlyEqualTo("{\"requested\":1,\"alreadyActive\":0,\"refused\":0}");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}/account", id.value())
                                .header("Authorization", org.bearer()))
                .bodyJson()
                .isLenientlyEqualTo("{\"status\":\"INVITED\"}");
        assertThat(
                        mvc.post()
                                .uri(
                                        "/api/v1/people/{id}/activation",
                                        personId(org, inactive).value())
                                .header("Authorization", org.bearer()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("person");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/people/activations")
                                .header(
                                        "Authorization",
                                        "Bearer " + organisations.token(org, Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/people/activations")
                                .header("Authorization", org.bearer()))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .isLenientlyEqualTo("{\"requested\":1}");
    }

    @Test
    void forgotPasswordAnswersAlikeForKnownAndUnknownEmailsAndMailsOnlyTheKnown() {
        TestOrganisation org = organisations.create();
        String email = activatedPerson(org, "Fay");
        String unknown = "nobody-" + UUID.randomUUID() + "@acme.test";

        var unknownAnswer =
                mvc.post().uri("/account/forgot").param("email", unknown).with(csrf()).exchange();
        var knownAnswer =
                mvc.post().uri("/account/forgot").param("email", email).with(csrf()).exchange();
        assertThat(unknownAnswer).hasRedirectedUrl("/account/forgot?sent");
        assertThat(knownAnswer).hasRedirectedUrl("/account/forgot?sent");

        String link =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> linkTo(org, email),
                                l -> l != null && l.startsWith("/account/reset"));
        // Requests are handled in order, so the unknown one has been handled too: no mail anywhere.
        assertThat(
                        jdbc.sql("select count(*) from outbox_mail where recipient = ?")
                                .param(unknown)
                                .query(Long.class)
                                .single())
                .isZero();

        String secret = link.substring(link.indexOf('=') + 1);
        // Admins reading the outbox cannot use the link to take the account over.
        assertThat(mails(org))
                .filteredOn(mail -> mail.subject().startsWith("Choose a new Tandem password"))
                .singleElement()
                .satisfies(
                        mail ->
                                assertThat(mail.text())
                                        .contains("/account/reset?token=…")
                                        .doesNotContain(secret));
        assertThat(setPassword("/account/reset", secret, "lighthouse meadow", "lighthouse meadow"))
                .hasRedirectedUrl("/login?reset");
        assertThat(signIn(email, GOOD)).isEqualTo("/login?error");
        assertThat(signIn(email, "lighthouse meadow")).isEqualTo("/");
    }

    @Test
    void forgotPasswordTakesAboutAsLongForKnownAndUnknownEmails() {
        TestOrganisation org = organisations.create();
        String email = activatedPerson(org, "Tim");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            unknown.add(
                    time(
                            () ->
                                    mvc.post()
                                            .uri("/account/forgot")
                                            .param("email", "x" + UUID.randomUUID() + "@acme.test")
                                            .with(csrf())
                                            .exchange()));
            known.add(
                    time(
                            () ->
                                    mvc.post()
                                            .uri("/account/forgot")
                                            .param("email", email)
                                            .with(csrf())
                                            .exchange()));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        // The lookup happens after the answer; both answers do the same work.
        assertThat(Math.abs(knownMedian - unknownMedian))
                .as("median %d µs known, %d µs unknown", knownMedian, unknownMedian)
                .isLessThan(Math.max(knownMedian, unknownMedian) / 2 + 2_000);
    }

    @Test
    void signInTakesAboutAsLongForAnUnknownEmailAsForAWrongPassword() {
        TestOrganisation org = organisations.create();
        String email = activatedPerson(org, "Kim");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String address = "198.18.1." + i;
            // Each from its own address, and under the account's free failures.
            if (i % 3 == 2) {
                signIn(email, GOOD);
            }
            unknown.add(
                    time(() -> signIn("x" + UUID.randomUUID() + "@acme.test", "not it", address)));
            known.add(time(() -> signIn(email, "not it", address)));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        // Both check a bcrypt hash (Spring checks a dummy one for unknown e-mails).
        assertThat(Math.abs(knownMedian - unknownMedian))
                .as("median %d µs known, %d µs unknown", knownMedian, unknownMedian)
                .isLessThan(Math.max(knownMedian, unknownMedian) / 2);
    }

    @Test
    void signInReadsTheSameForAnUnknownEmailAWrongPasswordAndAnAccountNotActivated() {
        TestOrganisation org = organisations.create();
        String activated = activatedPerson(org, "Sue");
        String invited = importPerson(org, "Ivo", "ACTIVE");
        people.sendActivation(org.id(), personId(org, invited));

        assertThat(signIn(activated, "not the password")).isEqualTo("/login?error");
        assertThat(signIn("nobody-" + UUID.randomUUID() + "@acme.test", GOOD))
                .isEqualTo("/login?error");
        assertThat(signIn(invited, GOOD)).isEqualTo("/login?error");
    }

    @Test
    void inactivePeopleCannotSignInAndTheirSessionsEnd() throws Exception {
        TestOrganisation org = organisations.create();
        String email = activatedPerson(org, "Ian");
        Visitor visitor = new Visitor();
        assertThat(location(visitor.signIn(email, GOOD))).hasValue("/");
        assertThat(visitor.get("/notifications").statusCode()).isEqualTo(200);

        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,status\n"
                                + employeeId(email)
                                + ","
                                + email
                                + ",Ian,Person,INACTIVE\n")
                        .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> after = visitor.get("/notifications");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(location(after)).hasValue("/login");
        assertThat(location(new Visitor().signIn(email, GOOD))).hasValue("/login?error");
        assertThat(identity.accountState(org.id(), email).status())
                .isEqualTo(AccountState.Status.DISABLED);

        // Back again: the same password works.
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,status\n"
                                + employeeId(email)
                                + ","
                                + email
                                + ",Ian,Person,ACTIVE\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(location(new Visitor().signIn(email, GOOD))).hasValue("/");
    }

    @Test
    void anInvitationLinkOpenedSignedOutComesBackAfterSignInWithACleanAddress() throws Exception {
        TestOrganisation org = organisations.create();
        String email = activatedPerson(org, "Liv");
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Come back", "CROSS_FUNCTIONAL"));
        programs.moveTo(org.id(), program.id(), ProgramStatus.ENROLLING);
        invitations.inviteEmails(org.id(), program.id(), List.of(email), EnrolmentRole.MENTEE);

        Visitor visitor = new Visitor();
        HttpResponse<String> invitation = visitor.get("/programs/" + program.id());
        assertThat(invitation.statusCode()).isEqualTo(302);
        assertThat(location(visitor.signIn(email, GOOD))).hasValue("/programs/" + program.id());
        assertThat(visitor.get("/programs/" + program.id()).body()).contains("Come back");

        Visitor home = new Visitor();
        home.get("/");
        assertThat(location(home.signIn(email, GOOD))).hasValue("/");
    }

    private String importPerson(TestOrganisation org, String first, String status) {
        String email =
                first.toLowerCase()
                        + "-"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "@acme.test";
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,status\n"
                                + employeeId(email)
                                + ","
                                + email
                                + ","
                                + first
                                + ",Person,"
                                + status
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        return email;
    }

    private static String employeeId(String email) {
        return "E-" + email.substring(0, email.indexOf('@'));
    }

    private String activatedPerson(TestOrganisation org, String first) {
        String email = importPerson(org, first, "ACTIVE");
        people.sendActivation(org.id(), personId(org, email));
        String link =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> linkTo(org, email), l -> l != null);
        assertThat(
                        setPassword(
                                "/account/activate",
                                link.substring(link.indexOf('=') + 1),
                                GOOD,
                                GOOD))
                .hasRedirectedUrl("/login?activated");
        return email;
    }

    private PersonId personId(TestOrganisation org, String email) {
        return people.findByEmail(org.id(), email).orElseThrow().id();
    }

    private List<OutboxMailView> mails(TestOrganisation org) {
        return notifications.outbox(org.id(), PageQuery.of(0, 200)).items();
    }

    /** The newest account link mailed to this address, as a path and query. */
    private String linkTo(TestOrganisation org, String email) {
        // The mail as it leaves (the outbox page hides reset links from admins).
        List<String> bodies =
                jdbc.sql(
                                "select body from outbox_mail where organisation_id = ? and recipient = ?"
                                        + " order by created_at desc")
                        .params(org.id().value(), email)
                        .query(String.class)
                        .list();
        for (String body : bodies) {
            Matcher m = LINK.matcher(body);
            if (m.find()) {
                return m.group(1) + "?token=" + m.group(3);
            }
        }
        return null;
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult setPassword(
            String path, String token, String password, String confirm) {
        return mvc.post()
                .uri(path)
                .param("token", token)
                .param("password", password)
                .param("confirm", confirm)
                .with(csrf())
                .exchange();
    }

    private String signIn(String email, String password) {
        return signIn(email, password, "198.18.0." + (1 + Math.abs(email.hashCode() % 250)));
    }

    private String signIn(String email, String password, String address) {
        return mvc.post()
                .uri("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(
                        request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                .exchange()
                .getResponse()
                .getRedirectedUrl();
    }

    /** Where a real HTTP answer redirects to, as a path and query on this site. */
    private static java.util.Optional<String> location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .map(URI::create)
                .map(
                        uri ->
                                uri.getRawPath()
                                        + (uri.getRawQuery() == null
                                                ? ""
                                                : "?" + uri.getRawQuery()));
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** A browser-like client over real HTTP: cookies kept, redirects not followed. */
    private final class Visitor {

        private final HttpClient client =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String email, String password)
                throws IOException, InterruptedException {
            String page = get("/login").body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", email);
            form.put("password", password);
            form.put("_csrf", csrf.group(1));
            String body =
                    form.entrySet().stream()
                            .map(
                                    e ->
                                            e.getKey()
                                                    + "="
                                                    + URLEncoder.encode(
                                                            e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
            return client.send(
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
