package io.tandem.mentorships.web;

import io.tandem.people.PersonSummary;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * What the partner card shows beyond the profile: initials, the partner's local time now, and how
 * many working hours a weekday the two share. Working hours are Mon–Fri 09:00–17:00 in each
 * person's own zone until people can set their own.
 */
record PartnerCard(String initials, String localTime, String zone, double sharedHours) {

    static final LocalTime START = LocalTime.of(9, 0);
    static final LocalTime END = LocalTime.of(17, 0);

    static PartnerCard of(PersonSummary partner, PersonSummary self, LocalDate today) {
        ZoneId theirs = zone(partner.timeZone());
        ZoneId mine = self == null ? theirs : zone(self.timeZone());
        String initials =
                (first(partner.firstName()) + first(partner.lastName()))
                        .toUpperCase(java.util.Locale.ROOT);
        String now =
                ZonedDateTime.now(theirs)
                        .format(DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.ENGLISH));
        return new PartnerCard(initials, now, theirs.getId(), sharedHours(theirs, mine, today));
    }

    /** Hours both are at work on the next weekday from {@code day}, counting from midnight UTC. */
    static double sharedHours(ZoneId a, ZoneId b, LocalDate day) {
        LocalDate weekday =
                day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()
                        ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                        : day;
        Instant startA = weekday.atTime(START).atZone(a).toInstant();
        Instant endA = weekday.atTime(END).atZone(a).toInstant();
        Instant startB = weekday.atTime(START).atZone(b).toInstant();
        Instant endB = weekday.atTime(END).atZone(b).toInstant();
        Instant start = startA.isAfter(startB) ? startA : startB;
        Instant end = endA.isBefore(endB) ? endA : endB;
        if (!end.isAfter(start)) {
            return 0;
        }
        return Duration.between(start, end).toMinutes() / 60.0;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String first(String name) {
        return name == null || name.isBlank() ? "" : name.substring(0, 1);
    }
}
