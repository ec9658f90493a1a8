package io.tandem.matching;

import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * The start-up's matching warm-up, for benches outside this package: a started instance runs it on
 * a thread of its own for tens of seconds (inserting made-up people, scoring, solving, rolling
 * back), and a bench that measures meanwhile measures it too, and the JIT compiling it.
 */
public final class MatchingWarmUps {

    private MatchingWarmUps() {}

    /**
     * Waits until the instance's matching warm-up has finished (at once if it has, or is off);
     * answers the milliseconds waited.
     */
    public static long awaitFinished(ApplicationContext instance) {
        long start = System.nanoTime();
        instance.getBean(MatchingWarmUp.class).finished().join();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
