package io.tandem.identity;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity module's settings, {@code tandem.*} (see {@code docs/configuration.md}).
 *
 * @param secretKey base64 AES key that encrypts stored SSO client secrets; blank: none
 * @param organisationName the default organisation's name
 * @param bootstrapToken an admin API token made sure of at start-up; blank: none
 * @param adminEmail with {@code adminPassword}, an admin account made sure of at start-up
 */
@ConfigurationProperties("tandem")
record IdentityProperties(
        String secretKey,
        @DefaultValue("Tandem") String organisationName,
        String bootstrapToken,
        String adminEmail,
        String adminPassword,
        @DefaultValue Accounts accounts,
        @DefaultValue Login login,
        @DefaultValue Session session) {

    IdentityProperties {
        secretKey = Objects.requireNonNullElse(secretKey, "");
        bootstrapToken = Objects.requireNonNullElse(bootstrapToken, "");
        adminEmail = Objects.requireNonNullElse(adminEmail, "");
        adminPassword = Objects.requireNonNullElse(adminPassword, "");
    }

    /**
     * {@code tandem.accounts.*}.
     *
     * @param passwordMinLength the shortest password accepted (never below 8)
     * @param activationValidity how long an activation link works
     * @param resetValidity how long a password-reset link works
     */
    record Accounts(
            @DefaultValue("10") int passwordMinLength,
            @DefaultValue("P7D") Duration activationValidity,
            @DefaultValue("PT1H") Duration resetValidity) {}

    /**
     * {@code tandem.login.*}: failed sign-ins allowed before each key waits, and how long at most.
     */
    record Login(
            @DefaultValue("10") int freeAttemptsPerAccount,
            @DefaultValue("50") int freeAttemptsPerAddress,
            @DefaultValue("3") int freeAttemptsPerPair,
            @DefaultValue("PT15M") Duration maxDelay,
            @DefaultValue("PT30S") Duration accountMaxDelay,
            @DefaultValue("PT1H") Duration forgetAfter) {}

    /** {@code tandem.session.*}: how often expired sessions are deleted. */
    record Session(@DefaultValue("PT1M") Duration cleanupEvery) {}
}
