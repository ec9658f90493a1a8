package io.tandem.meetings;

import io.tandem.people.WorkingHours;
import io.tandem.people.WorkingHours.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Times both people are at work, and the occurrences of repeating meetings. Pure functions of
 * instants and zones: every daylight-saving change is the zone rules' business, never an offset
 * remembered from another day.
 */
final class SlotPlanner {

    /** Proposed slots start on a quarter hour and follow each other every half hour. */
    static final Duration ALIGN = Duration.ofMinutes(15);

    static final Duration STEP = Duration.ofMinutes(30);

    private SlotPlanner() {}

    /**
     * Up to {@code limit} slots of {@code duration} inside both people's hours between {@code from}
     * and {@code to}, none overlapping a {@code busy} slot, earliest first.
     */
    static List<Slot> propose(
            WorkingHours a,
            ZoneId zoneA,
            WorkingHours b,
            ZoneId zoneB,
            List<Slot> busy,
            Duration duration,
            Instant from,
            Instant to,
            int limit) {
        List<Window> shared =
                WorkingHours.overlap(a.between(zoneA, from, to), b.between(zoneB, from, to));
        Busy taken = new Busy(busy);
        long length = duration.toMillis();
        long step = STEP.toMillis();
        List<Slot> slots = new ArrayList<>(Math.min(limit, 64));
        for (Window window : shared) {
            long end = window.end().toEpochMilli();
            for (long start = alignUp(window.start()).toEpochMilli();
                    start + length <= end;
                    start += step) {
                if (taken.free(start, start + length)) {
                    slots.add(
                            new Slot(
                                    Instant.ofEpochMilli(start),
                                    Instant.ofEpochMilli(start + length)));
                    if (slots.size() == limit) {
                        return slots;
                    }
                }
            }
        }
        return slots;
    }

    /**
     * Busy times as epoch milliseconds, by start, asked about candidates in the order of their
     * starts: each candidate looks only at the busy times from the first that has not ended before
     * it, and stops at the first that starts after it, with no object made for a candidate that is
     * refused.
     */
    private static final class Busy {

        private final long[] starts;
        private final long[] ends;
        private int first;

        Busy(List<Slot> busy) {
            List<Slot> sorted = new ArrayList<>(busy);
            sorted.sort(java.util.Comparator.comparing(Slot::start));
            starts = new long[sorted.size()];
            ends = new long[sorted.size()];
            for (int i = 0; i < sorted.size(); i++) {
                starts[i] = sorted.get(i).start().toEpochMilli();
                ends[i] = sorted.get(i).end().toEpochMilli();
            }
        }

        /** Whether [start, end) meets no busy time; starts must come in increasing order. */
        boolean free(long start, long end) {
            while (first < starts.length && ends[first] <= start) {
                first++;
            }
            for (int i = first; i < starts.length && starts[i] < end; i++) {
                if (ends[i] > start) {
                    return false;
                }
            }
            return true;
        }
    }

    static Instant alignUp(Instant instant) {
        long align = ALIGN.toMillis();
        long millis = instant.toEpochMilli();
        long rest = Math.floorMod(millis, align);
        return rest == 0 ? instant : Instant.ofEpochMilli(millis - rest + align);
    }

    /**
     * The starts of a meeting first at {@code start}, repeating by {@code recurrence} at the same
     * wall-clock time in {@code zone}, that fall in [{@code from}, {@code to}), at most {@code
     * limit}. As RFC 5545 reads the rule: a monthly meeting on the 31st skips shorter months, and a
     * time in a spring-forward gap moves forward by the gap.
     */
    static List<Instant> occurrences(
            Instant start,
            ZoneId zone,
            Recurrence recurrence,
            Instant from,
            Instant to,
            int limit) {
        List<Instant> starts = new ArrayList<>();
        if (recurrence == Recurrence.NONE) {
            if (!start.isBefore(from) && start.isBefore(to)) {
                starts.add(start);
            }
            return starts;
        }
        LocalDateTime first = start.atZone(zone).toLocalDateTime();
        for (int k = 0; starts.size() < limit; k++) {
            LocalDateTime local =
                    switch (recurrence) {
                        case WEEKLY -> first.plusWeeks(k);
                        case FORTNIGHTLY -> first.plusWeeks(2L * k);
                        case MONTHLY -> first.plusMonths(k);
                        case NONE -> throw new IllegalStateException();
                    };
            if (recurrence == Recurrence.MONTHLY
                    && local.getDayOfMonth() != first.getDayOfMonth()) {
                continue;
            }
            Instant occurrence = ZonedDateTime.of(local, zone).toInstant();
            if (!occurrence.isBefore(to)) {
                break;
            }
            if (!occurrence.isBefore(from)) {
                starts.add(occurrence);
            }
        }
        return starts;
    }
}
