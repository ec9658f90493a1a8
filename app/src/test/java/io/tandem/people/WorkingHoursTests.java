package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingHoursTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @Test
    void newYorkAndLondonShareThreeHoursADayExceptWhenOnlyOneHasChangedClocks() {
        WorkingHours nine = WorkingHours.DEFAULT;
        // Winter: London UTC+0, New York UTC-5: overlap 14:00-17:00 London, 3 h a day.
        assertThat(
                        WorkingHours.sharedHoursPerWeek(
                                nine, LONDON, nine, NEW_YORK, LocalDate.of(2027, 2, 1)))
                .isEqualTo(15.0);
        // 15-19 March 2027: New York on summer time (UTC-4), London not yet: 4 h a day.
        assertThat(
                        WorkingHours.sharedHoursPerWeek(
                                nine, LONDON, nine, NEW_YORK, LocalDate.of(2027, 3, 15)))
                .isEqualTo(20.0);
        // 1-5 November 2027: London back on GMT, New York still on summer time.
        assertThat(
                        WorkingHours.sharedHoursPerWeek(
                                nine, LONDON, nine, NEW_YORK, LocalDate.of(2027, 11, 1)))
                .isEqualTo(20.0);
    }

    @Test
    void kolkatasHalfHourOffsetLeavesHalfHours() {
        // London winter 09-17 UTC, Kolkata 09-17 = 03:30-11:30 UTC: 2.5 h a day.
        assertThat(
                        WorkingHours.sharedHoursPerWeek(
                                WorkingHours.DEFAULT,
                                LONDON,
                                WorkingHours.DEFAULT,
                                KOLKATA,
                                LocalDate.of(2027, 1, 4)))
                .isEqualTo(12.5);
    }

    @Test
    void daysOffAndOwnHoursCount() {
        Map<DayOfWeek, WorkingHours.Span> days = new EnumMap<>(DayOfWeek.class);
        // An early starter in Singapore (UTC+8, no DST) who works Monday and Tuesday only.
        days.put(DayOfWeek.MONDAY, new WorkingHours.Span(LocalTime.of(7, 0), LocalTime.of(19, 0)));
        days.put(DayOfWeek.TUESDAY, new WorkingHours.Span(LocalTime.of(7, 0), LocalTime.of(19, 0)));
        WorkingHours singapore = new WorkingHours(days);
        // 07-19 SGT = 23:00-11:00 UTC; London 09-17 UTC overlaps 09-11 on Monday and Tuesday.
        assertThat(
                        WorkingHours.sharedHoursPerWeek(
                                singapore,
                                SINGAPORE,
                                WorkingHours.DEFAULT,
                                LONDON,
                                LocalDate.of(2027, 1, 4)))
                .isEqualTo(4.0);
        assertThat(WorkingHours.parse(singapore.spec())).isEqualTo(singapore);
        assertThat(WorkingHours.parse(WorkingHours.DEFAULT.spec())).isEqualTo(WorkingHours.DEFAULT);
        assertThat(singapore.perWeek().toHours()).isEqualTo(24);
    }

    @Test
    void coversOnlyWholeMeetingsInsideTheHours() {
        Instant nineLondon = Instant.parse("2027-01-04T09:00:00Z");
        assertThat(WorkingHours.DEFAULT.covers(LONDON, nineLondon, nineLondon.plusSeconds(3600)))
                .isTrue();
        assertThat(
                        WorkingHours.DEFAULT.covers(
                                LONDON,
                                nineLondon.minusSeconds(1800),
                                nineLondon.plusSeconds(1800)))
                .isFalse();
        // A Saturday.
        assertThat(
                        WorkingHours.DEFAULT.covers(
                                LONDON,
                                Instant.parse("2027-01-09T10:00:00Z"),
                                Instant.parse("2027-01-09T11:00:00Z")))
                .isFalse();
    }
}
