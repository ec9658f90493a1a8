package io.tandem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward by hand: no sleeping, no rewriting dates in the database. It starts at
 * a fixed instant, or follows the system clock with an offset the test moves and resets.
 */
public final class MutableClock extends Clock {

    private final Instant start;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(Instant start) {
        this.start = start;
    }

    /** A clock that tells the real time until a test moves it. */
    public static MutableClock followingSystem() {
        return new MutableClock(null);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void advanceDays(int days) {
        advance(Duration.ofDays(days));
    }

    /** Back to where it started: the start instant, or the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(offset);
    }
}
