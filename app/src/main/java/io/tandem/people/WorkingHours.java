package io.tandem.people;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * When a person works, by weekday, in their own time zone; a day without hours is a day off. The
 * hours are turned into instants per date, so a daylight-saving change moves them the way the
 * person's wall clock moves.
 */
public record WorkingHours(Map<DayOfWeek, Span> days) {

    /** One day's hours, {@code start} before {@code end}, both on the same day. */
    public record Span(LocalTime start, LocalTime end) {

        public Span {
            if (start == null || end == null || !end.isAfter(start)) {
                throw new IllegalArgumentException("a day's hours must end after they start");
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** A stretch of time when someone is at work, {@code start} before {@code end}. */
    public record Window(Instant start, Instant end) {

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(17, 0);

    /** Monday to Friday, 09:00 to 17:00. */
    public static final WorkingHours DEFAULT = weekdays(DEFAULT_START, DEFAULT_END);

    public WorkingHours {
        EnumMap<DayOfWeek, Span> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(days);
        days = Collections.unmodifiableMap(copy);
    }

    public static WorkingHours weekdays(LocalTime start, LocalTime end) {
        Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getValue() <= DayOfWeek.FRIDAY.getValue()) {
                days.put(day, new Span(start, end));
            }
        }
        return new WorkingHours(days);
    }

    public Span on(DayOfWeek day) {
        return days.get(day);
    }

    public Duration perWeek() {
        return days.values().stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** The hours as stored: {@code MON 09:00-17:00;TUE 09:00-17:00}, days off left out. */
    public String spec() {
        StringJoiner joiner = new StringJoiner(";");
        days.forEach(
                (day, span) ->
                        joiner.add(
                                day.name().substring(0, 3)
                                        + " "
                                        + span.start()
                                        + "-"
                                        + span.end()));
        return joiner.toString();
    }

    /** Reads {@link #spec()} back. */
    public static WorkingHours parse(String spec) {
        Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(";")) {
                String[] dayAndHours = part.strip().split(" ");
                String[] hours = dayAndHours[1].split("-");
                days.put(
                        day(dayAndHours[0]),
                        new Span(LocalTime.parse(hours[0]), LocalTime.parse(hours[1])));
            }
        }
        return new WorkingHours(days);
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day: " + abbreviation);
    }

    /** The windows at work between {@code from} and {@code to}, in order, cut to that range. */
    public List<Window> between(ZoneId zone, Instant from, Instant to) {
        List<Window> windows = new ArrayList<>();
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Span span = days.get(date.getDayOfWeek());
            if (span == null) {
                continue;
            }
            // atZone moves a time inside a spring-forward gap to just after it, as a clock would.
            Instant start = date.atTime(span.start()).atZone(zone).toInstant();
            Instant end = date.atTime(span.end()).atZone(zone).toInstant();
            if (start.isBefore(from)) {
                start = from;
            }
            if (end.isAfter(to)) {
                end = to;
            }
            if (end.isAfter(start)) {
                windows.add(new Window(start, end));
            }
        }
        return windows;
    }

    /** Whether the whole of {@code start}–{@code end} falls inside these hours. */
    public boolean covers(ZoneId zone, Instant start, Instant end) {
        for (Window window : between(zone, start, end)) {
            if (!window.start().isAfter(start) && !window.end().isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    /** The times in both lists of ordered windows. */
    public static List<Window> overlap(List<Window> a, List<Window> b) {
        List<Window> shared = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Window x = a.get(i);
            Window y = b.get(j);
            Instant start = x.start().isAfter(y.start()) ? x.start() : y.start();
            Instant end = x.end().isBefore(y.end()) ? x.end() : y.end();
            if (end.isAfter(start)) {
                shared.add(new Window(start, end));
            }
            if (x.end().isBefore(y.end())) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** Hours a week two people share: their overlap over the seven days from {@code monday}. */
    public static double sharedHoursPerWeek(
            WorkingHours a, ZoneId zoneA, WorkingHours b, ZoneId zoneB, LocalDate monday) {
        Instant from = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(7));
        long minutes =
                overlap(a.between(zoneA, from, to), b.between(zoneB, from, to)).stream()
                        .mapToLong(w -> w.length().toMinutes())
                        .sum();
        return minutes / 60.0;
    }
}
