package io.tandem.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The benches' open-loop load generator: sends at a fixed rate whatever the answers do, and counts
 * each latency from the request's intended send time to its answer, so a server that stalls cannot
 * hide the queue behind it (coordinated omission accounted for).
 */
public final class FixedRateLoad {

    private FixedRateLoad() {}

    /** {@code rate} requests per second for {@code seconds}; a request that is not 200 failed. */
    public static Latencies run(
            HttpClient client, Supplier<HttpRequest> request, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        // By second of intended send time: the answers over the target, so a miss can be told
        // apart as one stall (a few seconds) or a queue (every second).
        java.util.concurrent.atomic.AtomicIntegerArray over =
                new java.util.concurrent.atomic.AtomicIntegerArray(seconds + 1);
        long pausesBefore = pauseMillis();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            int second = Math.min(seconds, i / rate);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(
                    client.sendAsync(request.get(), HttpResponse.BodyHandlers.ofByteArray())
                            .whenComplete(
                                    (response, error) -> {
                                        double latency = (System.nanoTime() - intended) / 1e6;
                                        millis.add(latency);
                                        if (latency > SLOW_MILLIS) {
                                            over.incrementAndGet(second);
                                        }
                                        if (error != null || response.statusCode() != 200) {
                                            failed.incrementAndGet();
                                        }
                                    }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(seconds + 120L, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // A server far past saturation: the requests still unanswered failed, and each waited
            // at least until now (a lower bound keeps them in the percentiles), rather than the
            // whole bench ending without a figure.
            long now = System.nanoTime();
            for (int i = 0; i < inFlight.size(); i++) {
                if (inFlight.get(i).cancel(true)) {
                    millis.add((now - (start + i * period)) / 1e6);
                    over.incrementAndGet(Math.min(seconds, i / rate));
                    failed.incrementAndGet();
                }
            }
        }
        int[] slow = new int[seconds + 1];
        for (int s = 0; s < slow.length; s++) {
            slow[s] = over.get(s);
        }
        return new Latencies(
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                total,
                failed.get(),
                slow,
                pauseMillis() - pausesBefore);
    }

    /** The latency target the per-second counts are taken against (p99 ≤ 50 ms). */
    static final double SLOW_MILLIS = 50;

    /** Milliseconds the garbage collectors have spent so far, in this process (the server's). */
    private static long pauseMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }

    /**
     * Latencies in milliseconds, sorted, with how many requests were sent and failed; {@code
     * slow[s]} answers over {@link #SLOW_MILLIS} among those meant to be sent in second {@code s};
     * {@code gcMillis} the collectors' time during the run.
     */
    public record Latencies(double[] sorted, int sent, int failed, int[] slow, long gcMillis) {

        /**
         * The seconds with answers over the target, as {@code second:count}, e.g. {@code 3:41 4:7}.
         */
        public String slowSeconds() {
            StringBuilder seconds = new StringBuilder();
            for (int s = 0; s < slow.length; s++) {
                if (slow[s] > 0) {
                    seconds.append(seconds.isEmpty() ? "" : " ")
                            .append(s)
                            .append(':')
                            .append(slow[s]);
                }
            }
            return seconds.isEmpty() ? "none" : seconds.toString();
        }

        /** The smallest latency that at least {@code percent} % of the answers did not exceed. */
        public double percentile(int percent) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }
}
