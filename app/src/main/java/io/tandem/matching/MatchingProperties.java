package io.tandem.matching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.matching.*}.
 *
 * @param excludePastPairs whether a pair that was published before (and ended) is never proposed
 *     again
 * @param heartbeat how often a running match run says it is alive
 * @param heartbeatTimeout after how long without a heartbeat a run is marked failed
 * @param requestExpiryDays after how many days an unanswered self-match request expires
 * @param runThreads how many match runs one instance executes at once; more wait, beating
 */
@ConfigurationProperties("tandem.matching")
record MatchingProperties(
        @DefaultValue("true") boolean excludePastPairs,
        @DefaultValue("PT1S") Duration heartbeat,
        @DefaultValue("PT30S") Duration heartbeatTimeout,
        @DefaultValue("14") int requestExpiryDays,
        @DefaultValue("2") int runThreads) {

    /** How long a self-match request stays open; at least a day. */
    Duration requestExpiry() {
        return Duration.ofDays(Math.max(1, requestExpiryDays));
    }
}
