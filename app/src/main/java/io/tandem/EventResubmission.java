package io.tandem;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications that did not complete to their listeners again, in place of Spring
 * Modulith's republish-on-restart, which replays everything on every instance at once. A listener
 * that failed leaves its publication FAILED; one whose instance died leaves it published or
 * processing until Modulith's staleness monitor marks it FAILED. Every {@code
 * tandem.events.resubmission} one instance takes the lease and resubmits FAILED publications older
 * than {@code tandem.events.resubmit-after}; Modulith marks each one RESUBMITTED with a conditional
 * update, and the listeners that send mail or inbox items write each once per event and recipient,
 * so a resubmission never sends anything twice.
 *
 * <p>Each pass takes the {@value #BATCH} publications tried the fewest times, oldest first, chosen
 * here rather than by Modulith's own batch: that one is always the oldest failures (and ignores the
 * minimum age for them), so a hundred publications that fail for good would hide every later
 * failure from resubmission for ever.
 */
@Component
class EventResubmission {

    static final String JOB = "event-resubmission";
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications publications;
    private final JdbcClient jdbc;
    private final Duration lease;
    private final Duration minAge;
    private final String holder = UUID.randomUUID().toString();

    EventResubmission(
            IncompleteEventPublications publications, JdbcClient jdbc, EventProperties settings) {
        this.publications = publications;
        this.jdbc = jdbc;
        // Shorter than the period, so the next pass is free to take it again.
        this.lease = settings.resubmission().multipliedBy(9).dividedBy(10);
        this.minAge = settings.resubmitAfter();
    }

    @Scheduled(
            fixedDelayString = "${tandem.events.resubmission:PT1M}",
            initialDelayString = "${tandem.events.resubmission:PT1M}")
    void poll() {
        try {
            resubmit();
        } catch (RuntimeException e) {
            log.warn("Resubmitting event publications failed: {}", e.toString());
        }
    }

    /** Resubmits if this instance wins the lease; true if it did. */
    boolean resubmit() {
        if (!claim(Instant.now())) {
            return false;
        }
        Set<UUID> due = due(Instant.now());
        if (!due.isEmpty()) {
            publications.resubmitIncompletePublications(
                    publication -> due.contains(publication.getIdentifier()));
        }
        return true;
    }

    /** The failed publications this pass resubmits: the fewest attempts first, then the oldest. */
    Set<UUID> due(Instant now) {
        return new HashSet<>(
                jdbc.sql(
                                "select id from event_publication where status = 'FAILED'"
                                        + " and publication_date < ?"
                                        + " order by coalesce(completion_attempts, 0),"
                                        + " publication_date limit "
                                        + BATCH)
                        .param(Timestamp.from(now.minus(minAge)))
                        .query(UUID.class)
                        .list());
    }

    /** Takes the job's lease if nobody holds it now; exactly one of racing instances wins. */
    boolean claim(Instant now) {
        return jdbc.sql(
                                "update job_lease set holder = ?, lease_until = ? where name = ?"
                                        + " and lease_until < ?")
                        .params(holder, Timestamp.from(now.plus(lease)), JOB, Timestamp.from(now))
                        .update()
                == 1;
    }
}
