package io.tandem.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.MeetingCadence;
import io.tandem.programs.ProgramId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HealthAssessmentTests {

    static final Instant NOW = Instant.parse("2026-06-30T09:00:00Z");
    static final EngagementRules RULES = EngagementRules.DEFAULTS;

    static PairFacts pair(
            int startedDaysAgo,
            Integer meetingDaysAgo,
            int activityDaysAgo,
            Integer usefulness,
            Integer progress) {
        return new PairFacts(
                new MentorshipId(UUID.randomUUID()),
                new ProgramId(UUID.randomUUID()),
                new PersonId(UUID.randomUUID()),
                new PersonId(UUID.randomUUID()),
                ago(startedDaysAgo),
                meetingDaysAgo == null ? null : ago(meetingDaysAgo),
                null,
                ago(activityDaysAgo),
                usefulness,
                progress,
                Health.ON_TRACK,
                null,
                null);
    }

    static Instant ago(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static HealthAssessment assess(PairFacts facts, MeetingCadence cadence) {
        return HealthAssessment.assess(facts, RULES, cadence, NOW);
    }

    @Test
    void aMonthlyPairThatMetLastWeekIsOnTrackWithNoReasons() {
        HealthAssessment a = assess(pair(90, 7, 7, 4, 4), MeetingCadence.MONTHLY);
        assertThat(a.health()).isEqualTo(Health.ON_TRACK);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void noMeetingForOneAndAHalfCadencesIsAtRiskAndSaysHowLongAndTheCadence() {
        HealthAssessment a = assess(pair(120, 46, 3, null, null), MeetingCadence.MONTHLY);
        assertThat(a.health()).isEqualTo(Health.AT_RISK);
        assertThat(a.reasons())
                .containsExactly(
                        Reason.of(
                                "engagement.reason.no-meeting", 46L, "engagement.cadence.MONTHLY"));
    }

    @Test
    void theMeetingLimitFollowsTheCadence() {
        // 12 days without a meeting: fine monthly or every two weeks, late for a weekly pair.
        assertThat(assess(pair(60, 12, 1, null, null), MeetingCadence.MONTHLY).health())
                .isEqualTo(Health.ON_TRACK);
        assertThat(assess(pair(60, 12, 1, null, null), MeetingCadence.BIWEEKLY).health())
                .isEqualTo(Health.ON_TRACK);
        assertThat(assess(pair(60, 12, 1, null, null), MeetingCadence.WEEKLY).health())
                .isEqualTo(Health.AT_RISK);
    }

    @Test
    void aNewPairGetsOneAndAHalfCadencesForItsFirstMeeting() {
        assertThat(assess(pair(20, null, 20, null, null), MeetingCadence.BIWEEKLY).health())
                .isEqualTo(Health.ON_TRACK);
        HealthAssessment late = assess(pair(22, null, 1, null, null), MeetingCadence.BIWEEKLY);
        assertThat(late.health()).isEqualTo(Health.AT_RISK);
        assertThat(late.reasons().get(0).code()).isEqualTo("engagement.reason.no-meeting-yet");
    }

    @Test
    void quietForTheInactiveLimitIsInactiveWhateverElse() {
        HealthAssessment a = assess(pair(200, 45, 45, 5, 5), MeetingCadence.MONTHLY);
        assertThat(a.health()).isEqualTo(Health.INACTIVE);
        assertThat(a.reasons()).containsExactly(Reason.of("engagement.reason.quiet", 45L));
        assertThat(assess(pair(200, 20, 44, 5, 5), MeetingCadence.MONTHLY).health())
                .isEqualTo(Health.AT_RISK);
    }

    @Test
    void lowCheckInAnswersPutAPairAtRiskEvenWhenItMeets() {
        HealthAssessment a = assess(pair(60, 2, 2, 2, 3), MeetingCadence.WEEKLY);
        assertThat(a.health()).isEqualTo(Health.AT_RISK);
        assertThat(a.reasons()).containsExactly(Reason.of("engagement.reason.low-usefulness"));
        assertThat(assess(pair(60, 2, 2, 3, 3), MeetingCadence.WEEKLY).health())
                .isEqualTo(Health.ON_TRACK);
    }

    @Test
    void changedRulesChangeTheVerdict() {
        EngagementRules strict = new EngagementRules(100, 10, 20, 3, true, true, 7, false, 60, 14);
        PairFacts facts = pair(60, 12, 12, 3, 4);
        assertThat(HealthAssessment.assess(facts, RULES, MeetingCadence.BIWEEKLY, NOW).health())
                .isEqualTo(Health.ON_TRACK);
        assertThat(HealthAssessment.assess(facts, strict, MeetingCadence.BIWEEKLY, NOW).reasons())
                .extracting(Reason::code)
                .containsExactly("engagement.reason.quiet", "engagement.reason.low-usefulness");
    }
}
