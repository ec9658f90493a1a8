package io.tandem.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.people.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;

/** Slots and recurrences across daylight-saving changes and odd offsets. */
class SlotPlannerTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final WorkingHours NINE_TO_FIVE = WorkingHours.DEFAULT;

    static List<Slot> week(ZoneId a, ZoneId b, LocalDate monday, Duration length) {
        Instant from = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return SlotPlanner.propose(
                NINE_TO_FIVE,
                a,
                NINE_TO_FIVE,
                b,
                List.of(),
                length,
                from,
                from.plus(Duration.ofDays(7)),
                1000);
    }

    static LocalTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalTime();
    }

    @Test
    void newYorkAndLondonSlotsFollowBothClocksAcrossTheMarchChanges() {
        // Before 14 March 2027 both on winter time: overlap 09:00-12:00 New York = 14:00-17:00
        // London.
        List<Slot> winter = week(NEW_YORK, LONDON, LocalDate.of(2027, 3, 1), Duration.ofHours(1));
        assertThat(winter).hasSize(5 * 5);
        assertThat(winter)
                .allSatisfy(
                        s ->
                                assertThat(local(s.start(), LONDON))
                                        .isBetween(LocalTime.of(14, 0), LocalTime.of(16, 0)));
        // 15-19 March: New York on summer time, London not yet: 4 h a day, 13:00-17:00 London.
        List<Slot> between = week(NEW_YORK, LONDON, LocalDate.of(2027, 3, 15), Duration.ofHours(1));
        assertThat(between).hasSize(5 * 7);
        assertThat(local(between.get(0).start(), LONDON)).isEqualTo(LocalTime.of(13, 0));
        assertThat(local(between.get(0).start(), NEW_YORK)).isEqualTo(LocalTime.of(9, 0));
        // From 29 March both on summer time: back to 3 h, 14:00-17:00 London.
        List<Slot> summer = week(NEW_YORK, LONDON, LocalDate.of(2027, 3, 29), Duration.ofHours(1));
        assertThat(summer).hasSize(5 * 5);
        assertThat(local(summer.get(0).start(), LONDON)).isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    void newYorkAndLondonSlotsFollowBothClocksAcrossTheOctoberChanges() {
        // 1-5 November 2027: London back on GMT since 31 October, New York until 7 November.
        List<Slot> between =
                week(NEW_YORK, LONDON, LocalDate.of(2027, 11, 1), Duration.ofMinutes(30));
        assertThat(local(between.get(0).start(), NEW_YORK)).isEqualTo(LocalTime.of(9, 0));
        assertThat(local(between.get(0).start(), LONDON)).isEqualTo(LocalTime.of(13, 0));
        assertThat(between)
                .allSatisfy(
                        s ->
                                assertThat(local(s.end(), LONDON))
                                        .isBeforeOrEqualTo(LocalTime.of(17, 0)));
        List<Slot> after =
                week(NEW_YORK, LONDON, LocalDate.of(2027, 11, 8), Duration.ofMinutes(30));
        assertThat(local(after.get(0).start(), LONDON)).isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    void kolkatasHalfHourOffsetGivesSlotsOnTheHalfHourInLondon() {
        List<Slot> slots = week(KOLKATA, LONDON, LocalDate.of(2027, 1, 4), Duration.ofMinutes(45));
        // Overlap 09:00-11:30 London = 14:30-17:00 Kolkata.
        assertThat(local(slots.get(0).start(), LONDON)).isEqualTo(LocalTime.of(9, 0));
        assertThat(local(slots.get(0).start(), KOLKATA)).isEqualTo(LocalTime.of(14, 30));
        assertThat(slots)
                .allSatisfy(
                        s ->
                                assertThat(local(s.end(), KOLKATA))
                                        .isBeforeOrEqualTo(LocalTime.of(17, 0)));
        // 09:00, 09:30, 10:00, 10:30 (10:45 would end at 11:30+) per day.
        assertThat(slots).hasSize(4 * 5);
    }

    @Test
    void sydneysReversedSeasonsMoveTheOverlapBothWays() {
        // January: London GMT, Sydney AEDT (UTC+11): 09:00 London = 20:00 Sydney. No overlap.
        assertThat(week(SYDNEY, LONDON, LocalDate.of(2027, 1, 4), Duration.ofMinutes(30)))
                .isEmpty();
        // With an early London day (07:00-15:00) and a late Sydney one (09:00-19:00) in July:
        // London BST (UTC+1), Sydney AEST (UTC+10): 07:00 London = 16:00 Sydney.
        WorkingHours early = WorkingHours.weekdays(LocalTime.of(7, 0), LocalTime.of(15, 0));
        WorkingHours late = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(19, 0));
        Instant july = LocalDate.of(2027, 7, 5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<Slot> slots =
                SlotPlanner.propose(
                        early,
                        LONDON,
                        late,
                        SYDNEY,
                        List.of(),
                        Duration.ofHours(1),
                        july,
                        july.plus(Duration.ofDays(7)),
                        100);
        assertThat(local(slots.get(0).start(), SYDNEY)).isEqualTo(LocalTime.of(16, 0));
        assertThat(local(slots.get(0).start(), LONDON)).isEqualTo(LocalTime.of(7, 0));
        // Sydney's Monday 16:00 is London's Monday 07:00; Sydney's Friday ends the overlap.
        assertThat(slots).hasSize(5 * 5);
    }

    @Test
    void aZoneWithoutDaylightSavingKeepsItsHoursWhileTheOtherMoves() {
        // Phoenix never changes; New York does on 14 March 2027.
        List<Slot> before = week(PHOENIX, NEW_YORK, LocalDate.of(2027, 3, 8), Duration.ofHours(1));
        List<Slot> after = week(PHOENIX, NEW_YORK, LocalDate.of(2027, 3, 15), Duration.ofHours(1));
        // Winter: 2 h apart, overlap 6 h; summer: 3 h apart, overlap 5 h.
        assertThat(before).hasSize(5 * 11);
        assertThat(after).hasSize(5 * 9);
        assertThat(local(after.get(0).start(), PHOENIX)).isEqualTo(LocalTime.of(9, 0));
        assertThat(local(after.get(0).start(), NEW_YORK)).isEqualTo(LocalTime.of(12, 0));
    }

    @Test
    void busyTimesAndDaysOffAreSkipped() {
        Instant monday = Instant.parse("2027-01-04T00:00:00Z");
        Slot taken =
                new Slot(
                        Instant.parse("2027-01-04T14:00:00Z"),
                        Instant.parse("2027-01-04T15:00:00Z"));
        List<Slot> slots =
                SlotPlanner.propose(
                        NINE_TO_FIVE,
                        LONDON,
                        NINE_TO_FIVE,
                        SINGAPORE,
                        List.of(taken),
                        Duration.ofMinutes(30),
                        monday,
                        monday.plus(Duration.ofDays(7)),
                        100);
        // Singapore 09-17 = 01-09 UTC, London 09-17 UTC: overlap 09:00 UTC only at the edge: none.
        assertThat(slots).isEmpty();
        WorkingHours evenings = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(23, 0));
        slots =
                SlotPlanner.propose(
                        NINE_TO_FIVE,
                        LONDON,
                        evenings,
                        SINGAPORE,
                        List.of(taken),
                        Duration.ofMinutes(30),
                        monday,
                        monday.plus(Duration.ofDays(7)),
                        100);
        // 09:00-15:00 UTC overlap each weekday, minus 14:00-15:00 on Monday.
        assertThat(slots).noneMatch(s -> s.overlaps(taken));
        assertThat(slots).hasSize(5 * 12 - 2);
        assertThat(slots)
                .allSatisfy(
                        s ->
                                assertThat(s.start().atZone(LONDON).getDayOfWeek())
                                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void weeklyMeetingsKeepTheOrganisersWallClockAcrossDaylightSaving() {
        // Organised in New York at 09:00 on Mondays from 1 March 2027.
        Instant first = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, NEW_YORK).toInstant();
        List<Instant> starts =
                SlotPlanner.occurrences(
                        first,
                        NEW_YORK,
                        Recurrence.WEEKLY,
                        first,
                        first.plus(Duration.ofDays(34)),
                        10);
        assertThat(starts).hasSize(5);
        assertThat(starts)
                .allSatisfy(s -> assertThat(local(s, NEW_YORK)).isEqualTo(LocalTime.of(9, 0)));
        // London sees 14:00, then 13:00 for the two weeks only New York has moved, then 14:00.
        assertThat(starts.stream().map(s -> local(s, LONDON)).toList())
                .containsExactly(
                        LocalTime.of(14, 0),
                        LocalTime.of(14, 0),
                        LocalTime.of(13, 0),
                        LocalTime.of(13, 0),
                        LocalTime.of(14, 0));
    }

    @Test
    void occurrencesAgreeWithIcal4jReadingTheSameRule() {
        for (ZoneId zone : List.of(NEW_YORK, LONDON, KOLKATA, SYDNEY, PHOENIX)) {
            for (Recurrence recurrence :
                    List.of(Recurrence.WEEKLY, Recurrence.FORTNIGHTLY, Recurrence.MONTHLY)) {
                // The 31st at 02:30: monthly skips short months, and in March and October 02:30
                // falls in or near a change in several of these zones.
                ZonedDateTime seed = ZonedDateTime.of(LocalDateTime.of(2027, 1, 31, 2, 30), zone);
                Instant to = seed.plusYears(2).toInstant();
                List<Instant> ours =
                        SlotPlanner.occurrences(
                                seed.toInstant(), zone, recurrence, seed.toInstant(), to, 1000);
                Recur<ZonedDateTime> recur = new Recur<>(recurrence.rule());
                List<Instant> theirs =
                        recur.getDates(seed, seed, seed.plusYears(2).minusNanos(1)).stream()
                                .map(ZonedDateTime::toInstant)
                                .toList();
                assertThat(ours).as(zone + " " + recurrence).isEqualTo(theirs);
            }
        }
    }

    @Test
    void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
        // 02:30 on 14 March 2027 does not exist in New York.
        Instant first = ZonedDateTime.of(2027, 3, 7, 2, 30, 0, 0, NEW_YORK).toInstant();
        List<Instant> starts =
                SlotPlanner.occurrences(
                        first,
                        NEW_YORK,
                        Recurrence.WEEKLY,
                        first,
                        first.plus(Duration.ofDays(15)),
                        3);
        assertThat(local(starts.get(1), NEW_YORK)).isEqualTo(LocalTime.of(3, 30));
        assertThat(local(starts.get(2), NEW_YORK)).isEqualTo(LocalTime.of(2, 30));
    }
}
