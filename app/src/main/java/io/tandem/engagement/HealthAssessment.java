package io.tandem.engagement;

import io.tandem.programs.MeetingCadence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pair's health with the reasons for it. {@link #assess} is the whole rule: a pure function of
 * the facts, the program's rules and cadence, and the time.
 */
public record HealthAssessment(Health health, List<Reason> reasons, long quietDays) {

    static long cadenceDays(MeetingCadence cadence) {
        if (cadence == null) {
            return 30;
        }
        return switch (cadence) {
            case WEEKLY -> 7;
            case BIWEEKLY -> 14;
            case MONTHLY -> 30;
        };
    }

    static HealthAssessment assess(
            PairFacts facts, EngagementRules rules, MeetingCadence cadence, Instant now) {
        long quiet =
                days(facts.lastActivity() == null ? facts.startedAt() : facts.lastActivity(), now);
        String cadenceCode =
                "engagement.cadence." + (cadence == null ? MeetingCadence.MONTHLY : cadence);
        if (quiet >= rules.inactiveAfterDays()) {
            return new HealthAssessment(
                    Health.INACTIVE, List.of(Reason.of("engagement.reason.quiet", quiet)), quiet);
        }
        List<Reason> reasons = new ArrayList<>();
        long due = cadenceDays(cadence) * rules.meetingSlackPercent() / 100;
        if (facts.lastMeeting() == null) {
            long since = days(facts.startedAt(), now);
            if (since > due) {
                reasons.add(Reason.of("engagement.reason.no-meeting-yet", since, cadenceCode));
            }
        } else {
            long since = days(facts.lastMeeting(), now);
            if (since > due) {
                reasons.add(Reason.of("engagement.reason.no-meeting", since, cadenceCode));
            }
        }
        if (quiet >= rules.atRiskAfterDays()) {
            reasons.add(Reason.of("engagement.reason.quiet", quiet));
        }
        if (facts.usefulness() != null && facts.usefulness() <= rules.lowRating()) {
            reasons.add(Reason.of("engagement.reason.low-usefulness"));
        }
        if (facts.goalProgress() != null && facts.goalProgress() <= rules.lowRating()) {
            reasons.add(Reason.of("engagement.reason.low-progress"));
        }
        return new HealthAssessment(
                reasons.isEmpty() ? Health.ON_TRACK : Health.AT_RISK, List.copyOf(reasons), quiet);
    }

    private static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }
}
