package io.tandem.mentorships.web;

import io.tandem.people.PersonSummary;
import io.tandem.people.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * What the partner card shows beyond the profile: initials, the partner's local time now, and how
 * many working hours a week the two share, each counted in their own zone from their own hours.
 */
record PartnerCard(String initials, String localTime, String zone, double sharedHours) {

    static PartnerCard of(
            PersonSummary partner,
            PersonSummary self,
            LocalDate today,
            WorkingHours partnerHours,
            WorkingHours selfHours) {
        ZoneId theirs = zone(partner.timeZone());
        ZoneId mine = self == null ? theirs : zone(self.timeZone());
        String initials =
                (first(partner.firstName()) + first(partner.lastName()))
                        .toUpperCase(java.util.Locale.ROOT);
        String now =
                ZonedDateTime.now(theirs)
                        .format(DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.ENGLISH));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new PartnerCard(
                initials,
                now,
                theirs.getId(),
                WorkingHours.sharedHoursPerWeek(
                        partnerHours,
                        theirs,
                        selfHours == null ? partnerHours : selfHours,
                        mine,
                        monday));
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
