package io.tandem.engagement;

import io.tandem.mentorships.AgreementSigned;
import io.tandem.mentorships.GoalAchieved;
import io.tandem.mentorships.MentorshipEnded;
import io.tandem.mentorships.MentorshipStarted;
import io.tandem.mentorships.MentorshipsStarted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The mentorships module's events as pair activity; each is idempotent. */
@Component
class MentorshipActivity {

    private final EngagementManagement engagement;
    private final DashboardCache dashboards;

    MentorshipActivity(EngagementManagement engagement, DashboardCache dashboards) {
        this.engagement = engagement;
        this.dashboards = dashboards;
    }

    /** A whole publish in the listener's one transaction; following a pair twice is a no-op. */
    @ApplicationModuleListener
    void on(MentorshipsStarted started) {
        engagement.followAll(
                started.organisationId(),
                started.programId(),
                started.pairs().stream()
                        .map(
                                pair ->
                                        new PairActivities.NewPair(
                                                pair.mentorshipId(),
                                                pair.mentorId(),
                                                pair.menteeId()))
                        .toList());
    }

    /** A publication written before pairs were published in one event. */
    @ApplicationModuleListener
    void on(MentorshipStarted started) {
        on(started.asBatch());
    }

    @ApplicationModuleListener
    void on(AgreementSigned signed) {
        engagement.record(
                signed.organisationId(),
                signed.mentorshipId(),
                ActivityKind.AGREEMENT_SIGNED,
                signed.mentorshipId().value(),
                engagement.now());
    }

    @ApplicationModuleListener
    void on(GoalAchieved achieved) {
        engagement.record(
                achieved.organisationId(),
                achieved.mentorshipId(),
                ActivityKind.GOAL_ACHIEVED,
                achieved.goalId(),
                engagement.now());
    }

    @ApplicationModuleListener
    void on(MentorshipEnded ended) {
        engagement.ended(ended.organisationId(), ended.mentorshipId(), ended.reason());
        engagement.askClosingSurvey(
                ended.organisationId(),
                ended.mentorshipId(),
                ended.programId(),
                ended.mentorId(),
                ended.menteeId());
        // Ending a pair is a program manager's (or the pair's) decision they expect to see at once.
        dashboards.evict(ended.organisationId(), ended.programId());
    }
}
