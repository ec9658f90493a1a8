package io.tandem.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits login attempts per account and per client address, so passwords cannot be guessed at
 * speed. Buckets are per instance: behind a load balancer the limit is per instance.
 */
@Component
class LoginThrottle {

    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(30))
                    .maximumSize(100_000)
                    .build();
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(
            @Value("${tandem.login.attempts-per-account:10}") int perAccount,
            @Value("${tandem.login.attempts-per-address:50}") int perAddress,
            @Value("${tandem.login.window:PT5M}") Duration window) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Takes one attempt from both buckets; false when either is empty. */
    boolean tryAttempt(String username, String address) {
        String account = "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
        boolean accountAllowed = bucket(account, perAccount).tryConsume(1);
        boolean addressAllowed = bucket("a:" + address, perAddress).tryConsume(1);
        return accountAllowed && addressAllowed;
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(
                key,
                k ->
                        Bucket.builder()
                                .addLimit(
                                        Bandwidth.builder()
                                                .capacity(capacity)
                                                .refillGreedy(capacity, window)
                                                .build())
                                .build());
    }
}
