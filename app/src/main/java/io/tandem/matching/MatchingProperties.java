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
 * @param warmUp how many made-up mentees (with three mentors to every ten) a started instance
 *     matches in memory, in the background, once per program template, so that its first real run
 *     does not pay for compiling the scorer and the solver (0: none)
 * @param pricedFrom optimal match runs of a program with at least this many (mentee, mentor) pairs
 *     are solved by the priced solver, without holding every allowed pair; smaller ones score every
 *     pair first (0: every optimal run priced). On (f) at 10,000 × 3,000 the priced run holds 640 K
 *     pairs to the full path's 21 M and cost 0.66–0.98× its process CPU (session 19,
 *     docs/benchmarks.md); at 1 M the warm-up's 2,000 × 600 programs are priced, as real runs are
 * @param warmUpJitWait the longest the warm-up waits, at each of its three waits, for the JIT
 *     compilers to go idle (zero: no wait); it holds its one connection meanwhile
 */
@ConfigurationProperties("tandem.matching")
record MatchingProperties(
        @DefaultValue("true") boolean excludePastPairs,
        @DefaultValue("PT1S") Duration heartbeat,
        @DefaultValue("PT30S") Duration heartbeatTimeout,
        @DefaultValue("14") int requestExpiryDays,
        @DefaultValue("2") int runThreads,
        @DefaultValue("2000") int warmUp,
        @DefaultValue("1000000") long pricedFrom,
        @DefaultValue("PT20S") Duration warmUpJitWait) {

    /** How long a self-match request stays open; at least a day. */
    Duration requestExpiry() {
        return Duration.ofDays(Math.max(1, requestExpiryDays));
    }
}
