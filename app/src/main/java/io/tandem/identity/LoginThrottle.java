package io.tandem.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without ever locking anyone out. Failed sign-ins are counted in the
 * database, so that every instance sees the same counts, under three keys: the client address, the
 * account (whatever was typed as the e-mail, known or not, so nothing tells them apart), and the
 * pair of both. Past a few free attempts each key waits a delay that doubles with every further
 * failure. The address and the pair may wait long (a guesser only slows itself down), but the
 * account alone waits at most {@code tandem.login.account-max-delay}: a stranger guessing from
 * elsewhere can make the owner wait seconds, never keep them out. A success clears the account and
 * the pair.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int freePerAccount;
    private final int freePerAddress;
    private final int freePerPair;
    private final Duration maxDelay;
    private final Duration accountMaxDelay;
    private final Duration forgetAfter;

    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    LoginThrottle(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            IdentityProperties properties,
            Clock clock) {
        this(jdbc, transactions, properties.login(), clock);
    }

    LoginThrottle(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            IdentityProperties.Login settings,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.freePerAccount = settings.freeAttemptsPerAccount();
        this.freePerAddress = settings.freeAttemptsPerAddress();
        this.freePerPair = settings.freeAttemptsPerPair();
        this.maxDelay = settings.maxDelay();
        this.accountMaxDelay = settings.accountMaxDelay();
        this.forgetAfter = settings.forgetAfter();
    }

    /** How long this sign-in must wait before it may be tried; zero when it may be tried now. */
    Duration waitFor(String username, String address) {
        Instant now = now();
        Timestamp until =
                jdbc.sql(
                                "select max(blocked_until) from login_attempt"
                                        + " where attempt_key in (:keys)")
                        .param("keys", keys(username, address))
                        .query(Timestamp.class)
                        .optional()
                        .orElse(null);
        if (until == null || !until.toInstant().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, until.toInstant());
    }

    void failed(String username, String address) {
        Instant now = now();
        transactions.executeWithoutResult(
                tx -> {
                    count(accountKey(username), freePerAccount, accountMaxDelay, now);
                    count(addressKey(address), freePerAddress, maxDelay, now);
                    count(pairKey(username, address), freePerPair, maxDelay, now);
                });
    }

    void succeeded(String username, String address) {
        jdbc.sql("delete from login_attempt where attempt_key in (:keys)")
                .param("keys", List.of(accountKey(username), pairKey(username, address)))
                .update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOldFailures() {
        Instant now = now();
        jdbc.sql(
                        "delete from login_attempt where last_failure_at < ?"
                                + " and (blocked_until is null or blocked_until < ?)")
                .params(Timestamp.from(now.minus(forgetAfter)), Timestamp.from(now))
                .update();
    }

    private void count(String key, int free, Duration cap, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp forgotten = Timestamp.from(now.minus(forgetAfter));
        // Each update takes the row's lock, so concurrent failures on any instance all count.
        int updated = increment(key, at, forgotten);
        if (updated == 0) {
            try {
                jdbc.sql(
                                "insert into login_attempt (attempt_key, failures, last_failure_at)"
                                        + " values (?, 1, ?)")
                        .params(key, at)
                        .update();
            } catch (DuplicateKeyException raced) {
                increment(key, at, forgotten);
            }
        }
        int failures =
                jdbc.sql("select failures from login_attempt where attempt_key = ?")
                        .param(key)
                        .query(Integer.class)
                        .single();
        if (failures > free) {
            jdbc.sql("update login_attempt set blocked_until = ? where attempt_key = ?")
                    .params(Timestamp.from(now.plus(delay(failures - free, cap))), key)
                    .update();
        }
    }

    private int increment(String key, Timestamp at, Timestamp forgotten) {
        return jdbc.sql(
                        "update login_attempt set failures = case when last_failure_at < ? then 1"
                                + " else failures + 1 end, last_failure_at = ? where attempt_key = ?")
                .params(forgotten, at, key)
                .update();
    }

    /** One second after the first failure past the free ones, doubling, up to the cap. */
    static Duration delay(int over, Duration cap) {
        long seconds = over >= 31 ? Long.MAX_VALUE : 1L << (over - 1);
        return seconds >= cap.toSeconds() ? cap : Duration.ofSeconds(seconds);
    }

    private static List<String> keys(String username, String address) {
        return List.of(accountKey(username), addressKey(address), pairKey(username, address));
    }

    // Hashed, so the table holds no e-mail or address and every key fits its column.
    static String accountKey(String username) {
        return "account:" + IdentityManagement.hash(normalise(username));
    }

    static String addressKey(String address) {
        return "address:" + IdentityManagement.hash(address == null ? "" : address);
    }

    static String pairKey(String username, String address) {
        return "pair:"
                + IdentityManagement.hash(
                        normalise(username) + "\n" + (address == null ? "" : address));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
