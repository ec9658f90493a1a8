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
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(
                    client.sendAsync(request.get(), HttpResponse.BodyHandlers.ofByteArray())
                            .whenComplete(
                                    (response, error) -> {
                                        millis.add((System.nanoTime() - intended) / 1e6);
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
                    failed.incrementAndGet();
                }
            }
        }
        return new Latencies(
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                total,
                failed.get());
    }

    /** Latencies in milliseconds, sorted, with how many requests were sent and failed. */
    public record Latencies(double[] sorted, int sent, int failed) {

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
