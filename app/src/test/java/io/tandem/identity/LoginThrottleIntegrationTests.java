package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guessing is slowed down, never turned into a lock-out: the guesser's address waits longer and
 * longer, the owner signing in from elsewhere gets in (at most after the account's short delay),
 * and the counts live in the database, where every instance reads them.
 */
@TandemIntegrationTest
class LoginThrottleIntegrationTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired LoginThrottle throttle;

    @Test
    void manyWrongGuessesFromOneAddressNeverKeepTheOwnerOut() {
        String email = account();

        int refusedUnchecked = 0;
        for (int i = 0; i < 40; i++) {
            String location = signIn(email, "guess-" + i, "198.51.100.7");
            assertThat(location).matches("/login\\?(error|wait=\\d+)");
            if (location.startsWith("/login?wait=")) {
                refusedUnchecked++;
            }
        }
        // The guesser is slowed down: past three free tries it waits, even with the right password.
        assertThat(refusedUnchecked).isGreaterThan(30);
        assertThat(signIn(email, PASSWORD, "198.51.100.7")).startsWith("/login?wait=");

        // The owner, elsewhere, gets straight in.
        assertThat(signIn(email, PASSWORD, "203.0.113.20")).isEqualTo("/");
    }

    @Test
    void guessesSpreadOverManyAddressesDelayTheAccountBrieflyButNeverLockIt() {
        String email = account();
        int counted = 0;
        for (int i = 1; counted < 14; i++) {
            String address = "192.0.2." + i;
            // A guess turned away unchecked waits for the account's delay, like everyone.
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> throttle.waitFor(email, address).isZero());
            assertThat(signIn(email, "wrong", address)).isEqualTo("/login?error");
            counted++;
            // Past ten failures the account itself waits, but never longer than its cap (2 s here).
            assertThat(throttle.waitFor(email, "203.0.113.21"))
                    .isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
        assertThat(throttle.waitFor(email, "203.0.113.21")).isPositive();
        assertThat(signIn(email, PASSWORD, "203.0.113.21")).startsWith("/login?wait=");

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> signIn(email, PASSWORD, "203.0.113.21").equals("/"));
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeKnownOnes() {
        String known = account();
        String unknown = "nobody-" + UUID.randomUUID() + "@acme.test";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(unknown, "wrong", "198.51.100.9"))
                    .isEqualTo(signIn(known, "wrong", "198.51.100.10"));
        }
    }

    @Test
    void countsLiveInTheDatabaseSoEveryInstanceSeesThem() {
        String email = "shared-" + UUID.randomUUID() + "@acme.test";
        // Counts outlive a run on PostgreSQL: an address of its own for every run.
        String address = "2001:db8::" + Integer.toHexString(new java.util.Random().nextInt(0xffff));
        // Two instances of the application: two throttles over the same database.
        LoginThrottle one = throttle(5);
        LoginThrottle two = throttle(5);

        for (int i = 0; i < 3; i++) {
            one.failed(email, address);
            two.failed(email, address);
        }

        assertThat(
                        jdbc.sql("select failures from login_attempt where attempt_key = ?")
                                .param(LoginThrottle.addressKey(address))
                                .query(Integer.class)
                                .single())
                .isEqualTo(6);
        assertThat(one.waitFor(email, address)).isPositive();
        assertThat(two.waitFor(email, address)).isPositive();
        // Another address, same account: six failures stay under the account's ten free ones.
        assertThat(two.waitFor(email, address + "1")).isZero();
        // No e-mail and no address is stored, only hashes.
        assertThat(
                        jdbc.sql("select count(*) from login_attempt where attempt_key like ?")
                                .param("%" + address + "%")
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void theSignInPageSaysHowLongToWait() {
        assertThat(mvc.get().uri("/login?wait=8"))
                .hasStatusOk()
                .bodyText()
                .contains("Wait 8 seconds, then try again");
        assertThat(mvc.get().uri("/login?wait=900")).bodyText().contains("Wait 15 minutes");
        assertThat(mvc.get().uri("/login?wait=<b>x</b>"))
                .hasStatusOk()
                .bodyText()
                .contains("Wait 60 seconds")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void theDelayDoublesAndStopsAtItsCap() {
        Duration cap = Duration.ofMinutes(15);
        assertThat(LoginThrottle.delay(1, cap)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delay(2, cap)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delay(5, cap)).isEqualTo(Duration.ofSeconds(16));
        assertThat(LoginThrottle.delay(20, cap)).isEqualTo(cap);
        assertThat(LoginThrottle.delay(500, Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }

    private LoginThrottle throttle(int freePerAddress) {
        return new LoginThrottle(
                jdbc,
                transactions,
                new IdentityProperties.Login(
                        10,
                        freePerAddress,
                        3,
                        Duration.ofMinutes(15),
                        Duration.ofSeconds(30),
                        Duration.ofHours(1)),
                java.time.Clock.systemUTC());
    }

    private String account() {
        String email = "throttle-" + UUID.randomUUID() + "@acme.test";
        identity.ensureAccount(
                organisations.create().id(), email, "Throttle", PASSWORD, Role.EMPLOYEE);
        return email;
    }

    private String signIn(String email, String password, String address) {
        MvcTestResult result =
                mvc.post()
                        .uri("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf())
                        .with(
                                request -> {
                                    request.setRemoteAddr(address);
                                    return request;
                                })
                        .exchange();
        return result.getResponse().getRedirectedUrl();
    }
}
