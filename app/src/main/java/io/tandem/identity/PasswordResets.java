package io.tandem.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password" requests, looked up away from the request that made them: the page answers at
 * once and the same way whether or not the e-mail has an account, and no timing tells them apart. A
 * burst beyond the queue is dropped (the person can ask again), and an account gets at most one
 * reset mail a minute, so the form cannot be used to flood someone's mailbox.
 */
@Component
class PasswordResets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ThreadPoolExecutor executor =
            new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(1000),
                    runnable -> {
                        Thread thread = new Thread(runnable, "password-resets");
                        thread.setDaemon(true);
                        return thread;
                    },
                    new ThreadPoolExecutor.DiscardPolicy());

    private final Clock clock;

    PasswordResets(
            Accounts accounts,
            AccountTokens tokens,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.tokens = tokens;
        this.events = events;
        this.transactions = transactions;
    }

    void request(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        executor.execute(
                () -> {
                    try {
                        transactions.executeWithoutResult(tx -> requestNow(email));
                    } catch (RuntimeException e) {
                        log.warn("Password reset request not handled: {}", e.toString());
                    }
                });
    }

    private void requestNow(String email) {
        accounts.findByEmail(email)
                .filter(Accounts.Account::enabled)
                .filter(
                        account ->
                                !tokens.issuedSince(
                                        account.id(),
                                        AccountLinkPurpose.RESET,
                                        clock.instant().minus(MIN_INTERVAL)))
                .ifPresent(
                        account ->
                                events.publishEvent(
                                        new AccountLinkRequested(
                                                account.organisationId(),
                                                account.id(),
                                                UUID.randomUUID(),
                                                AccountLinkPurpose.RESET)));
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
