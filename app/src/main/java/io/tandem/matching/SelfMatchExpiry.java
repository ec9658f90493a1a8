package io.tandem.matching;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps stored self-match requests honest: expires those past their time, and withdraws a mentee's
 * open requests once a bulk run has published them.
 */
@Component
class SelfMatchExpiry {

    private static final Logger log = LoggerFactory.getLogger(SelfMatchExpiry.class);

    private final SelfMatchRequests requests;
    private final Clock clock;

    SelfMatchExpiry(SelfMatchRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** A bulk run published the mentee: requests they still have open there are moot. */
    @ApplicationModuleListener
    void on(MatchPublished published) {
        requests.withdrawOpenOfRun(published.programId(), published.source(), clock.instant());
    }

    /**
     * Writes EXPIRED on open requests past their time. Reads already show them expired; this keeps
     * the stored status honest for queries and reports. Idempotent, so every instance may run it.
     */
    @Scheduled(
            fixedDelayString = "${tandem.matching.request-sweep:PT1H}",
            initialDelayString = "${tandem.matching.request-sweep:PT1H}")
    void sweep() {
        try {
            expireOverdue();
        } catch (RuntimeException e) {
            log.warn("Expiring self-match requests failed: {}", e.toString());
        }
    }

    int expireOverdue() {
        return requests.expireOverdue(clock.instant());
    }
}
