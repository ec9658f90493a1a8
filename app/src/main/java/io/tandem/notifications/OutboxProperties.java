package io.tandem.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.mail.*}. The poll interval, {@code tandem.mail.poll}, is read by the scheduler.
 *
 * @param from the sender address of every mail
 * @param maxAttempts attempts before a mail is marked {@link MailStatus#FAILED}
 * @param retryDelay the wait after a failed attempt, multiplied by the number of attempts so far
 * @param batchSize mails one poll claims at most
 * @param claimTimeout how long a claimed mail may stay {@link MailStatus#SENDING} before another
 *     poll assumes its instance died and tries again
 */
@ConfigurationProperties("tandem.mail")
record OutboxProperties(
        @DefaultValue("tandem@localhost") String from,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT1M") Duration retryDelay,
        @DefaultValue("100") int batchSize,
        @DefaultValue("PT5M") Duration claimTimeout) {}
