package io.tandem.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a body over row blocks on a few threads; results stay deterministic per row. */
final class Parallel {

    private Parallel() {}

    /** Default worker count: the machine's cores, at most 2 (the target machine has 2). */
    static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    interface RowBlock {
        /** Processes rows {@code [from, to)} on worker {@code worker}. */
        void run(int worker, int from, int to);
    }

    /**
     * Calls {@code body} on blocks of {@code block} rows until all {@code rows} are done, on {@code
     * threads} threads; the first exception (e.g. {@link CancelledException}) is rethrown.
     */
    static void forEachBlock(int rows, int block, int threads, RowBlock body) {
        int workers = Math.max(1, Math.min(threads, (rows + block - 1) / Math.max(1, block)));
        if (workers <= 1) {
            for (int from = 0; from < rows; from += block) {
                body.run(0, from, Math.min(rows, from + block));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            int id = w;
            Thread t =
                    new Thread(() -> drain(rows, block, id, body, next, failure), "matching-" + w);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        drain(rows, block, 0, body, next, failure);
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private static void drain(
            int rows,
            int block,
            int worker,
            RowBlock body,
            AtomicInteger next,
            AtomicReference<Throwable> failure) {
        while (failure.get() == null) {
            int from = next.getAndAdd(block);
            if (from >= rows) {
                return;
            }
            try {
                body.run(worker, from, Math.min(rows, from + block));
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                return;
            }
        }
    }
}
