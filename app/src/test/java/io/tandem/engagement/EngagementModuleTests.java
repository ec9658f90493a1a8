package io.tandem.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.MutableClock;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.MentorshipStatus;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Engagement with the modules it depends on and a clock the test moves: health, nudges, check-ins
 * and the inactivity auto-close, recorded through engagement's own API.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import(EngagementModuleTests.Clocks.class)
@TestPropertySource(properties = "tandem.engagement.dashboard-max-age=60s")
class EngagementModuleTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        }
    }

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,time_zone\n"
                    + "M1,mia@engage.test,Mia,Mentor,Europe/Berlin\n"
                    + "E1,eva@engage.test,Eva,Early,America/New_York\n"
                    + "X1,xavier@engage.test,Xavier,Outsider,Europe/Paris\n";

    @Autowired MutableClock clock;
    @Autowired IdentityManagement identity;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired NotificationManagement notifications;
    @Autowired EngagementManagement engagement;
    @Autowired ProgramReports reports;
    @Autowired DashboardCache dashboards;

    OrganisationId org;
    ProgramView program;
    PersonId mia;
    PersonId eva;
    MentorshipId pair;

    @BeforeEach
    void aPair(Scenario scenario) {
        org = identity.ensureOrganisation("engage-" + UUID.randomUUID(), "Engagement test");
        people.importCsv(org, PEOPLE.getBytes(StandardCharsets.UTF_8));
        mia = find("M1");
        eva = find("E1");
        program = programs.create(org, ProgramDraft.of("Engage", "CROSS_DIVISIONAL"));
        scenario.stimulate(
                        () ->
                                pair =
                                        TestPairs.start(
                                                programs,
                                                enrolling,
                                                mentorships,
                                                org,
                                                program.id(),
                                                eva,
                                                mia,
                                                10))
                .andWaitForStateChange(
                        () -> engagement.pairs(org, program.id(), null).size(), size -> size > 0)
                .andVerify(size -> assertThat(size).isEqualTo(1));
    }

    PersonId find(String code) {
        return TestPeople.id(people, org, code);
    }

    PairHealth health() {
        return engagement.pairs(org, program.id(), null).get(0);
    }

    long inbox(String email, String fragment) {
        return notifications.inbox(org, email).stream()
                .filter(i -> i.text().contains(fragment))
                .count();
    }

    @Test
    void healthFollowsMeetingsAgainstTheCadenceWithTheReasonShown() {
        // The default cadence is every two weeks: the first meeting is due within 21 days.
        assertThat(health().health()).isEqualTo(Health.ON_TRACK);
        clock.advanceDays(22);
        assertThat(health().health()).isEqualTo(Health.AT_RISK);
        assertThat(health().reasons())
                .containsExactly(
                        Reason.of(
                                "engagement.reason.no-meeting-yet",
                                22L,
                                "engagement.cadence.BIWEEKLY"),
                        Reason.of("engagement.reason.quiet", 22L));

        UUID meeting = UUID.randomUUID();
        assertThat(engagement.record(org, pair, ActivityKind.MEETING, meeting, clock.instant()))
                .isTrue();
        assertThat(engagement.record(org, pair, ActivityKind.MEETING, meeting, clock.instant()))
                .as("the same meeting reported twice counts once")
                .isFalse();
        assertThat(health().health()).isEqualTo(Health.ON_TRACK);

        clock.advanceDays(30);
        assertThat(health().health()).isEqualTo(Health.AT_RISK);
        assertThat(health().reasons())
                .extracting(Reason::code)
                .containsExactly("engagement.reason.no-meeting", "engagement.reason.quiet");
        engagement.record(org, pair, ActivityKind.MESSAGE, UUID.randomUUID(), clock.instant());
        assertThat(health().reasons())
                .as("a message is activity, but not a meeting")
                .extracting(Reason::code)
                .containsExactly("engagement.reason.no-meeting");

        clock.advanceDays(45);
        assertThat(health().health()).isEqualTo(Health.INACTIVE);
        assertThat(engagement.healthCounts(org, program.id()))
                .containsEntry(Health.INACTIVE, 1)
                .containsEntry(Health.ON_TRACK, 0);
    }

    @Test
    void automaticNudgesGoOnAHealthDropAndAtMostOnceAWeek() {
        clock.advanceDays(22);
        engagement.assess(org, program.id());
        assertThat(engagement.nudges(org, pair, true)).isEqualTo(1);
        assertThat(inbox("eva@engage.test", "has been quiet")).isEqualTo(1);
        assertThat(inbox("mia@engage.test", "has been quiet")).isEqualTo(1);

        engagement.assess(org, program.id());
        assertThat(engagement.nudges(org, pair, true)).as("no drop, no nudge").isEqualTo(1);

        // Back on track, then down again three days later: still inside the week.
        engagement.record(org, pair, ActivityKind.MEETING, UUID.randomUUID(), clock.instant());
        engagement.assess(org, program.id());
        clock.advanceDays(3);
        engagement.assess(org, program.id());
        // A low check-in drops it again on day 3.
        engagement.answer(
                org,
                pair,
                eva,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 1, 3, null, false));
        engagement.assess(org, program.id());
        assertThat(health().health()).isEqualTo(Health.AT_RISK);
        assertThat(engagement.nudges(org, pair, true)).isEqualTo(1);

        // A week after the first nudge, the next drop is nudged again.
        clock.advanceDays(1);
        engagement.answer(
                org,
                pair,
                mia,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 4, 4, null, false));
        engagement.assess(org, program.id());
        assertThat(health().health()).isEqualTo(Health.ON_TRACK);
        clock.advanceDays(22);
        engagement.assess(org, program.id());
        assertThat(health().health()).isEqualTo(Health.AT_RISK);
        assertThat(engagement.nudges(org, pair, true)).isEqualTo(2);
        assertThat(inbox("eva@engage.test", "has been quiet")).isEqualTo(2);
    }

    @Test
    void aProgramCanSwitchAutomaticNudgesOff() {
        engagement.changeRules(
                org,
                program.id(),
                new EngagementRules(150, 21, 45, 2, true, false, 7, false, 60, 14));
        clock.advanceDays(30);
        engagement.assess(org, program.id());
        assertThat(health().health()).isEqualTo(Health.AT_RISK);
        assertThat(engagement.nudges(org, pair, true)).isZero();
    }

    @Test
    void rulesThatDoNotHoldTogetherAreRefusedByField() {
        assertThatThrownBy(
                        () ->
                                engagement.changeRules(
                                        org,
                                        program.id(),
                                        new EngagementRules(
                                                150, 30, 20, 2, true, true, 3, false, 60, 14)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e ->
                                assertThat(e.errors())
                                        .extracting(err -> err.field())
                                        .containsExactlyInAnyOrder(
                                                "inactiveAfterDays", "nudgeIntervalDays"));
        assertThat(engagement.rules(org, program.id())).isEqualTo(EngagementRules.DEFAULTS);
    }

    @Test
    void aProgramManagersNudgeSendsTheirTextToBoth() {
        engagement.nudge(org, program.id(), pair, "Shall we meet on Friday?");
        assertThat(inbox("eva@engage.test", "Shall we meet on Friday?")).isEqualTo(1);
        assertThat(inbox("mia@engage.test", "Shall we meet on Friday?")).isEqualTo(1);
        assertThat(engagement.nudges(org, pair, false)).isEqualTo(1);
        assertThatThrownBy(() -> engagement.nudge(org, program.id(), pair, "  "))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void checkInsAreAnsweredOncePerPeriodByThePairOnly() {
        clock.advanceDays(15);
        engagement.answer(
                org,
                pair,
                eva,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 4, 3, "Calendar is full", true));
        assertThat(engagement.due(org, pair, eva, CheckInKind.CHECK_IN).answered()).isTrue();
        assertThat(engagement.due(org, pair, mia, CheckInKind.CHECK_IN).answered())
                .as("each person answers for themselves")
                .isFalse();
        assertThatThrownBy(
                        () ->
                                engagement.answer(
                                        org,
                                        pair,
                                        eva,
                                        CheckInKind.CHECK_IN,
                                        CheckInAnswer.checkIn(true, 5, 5, null, false)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(
                        () ->
                                engagement.answer(
                                        org,
                                        pair,
                                        find("X1"),
                                        CheckInKind.CHECK_IN,
                                        CheckInAnswer.checkIn(true, 5, 5, null, false)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                engagement.answer(
                                        org,
                                        pair,
                                        mia,
                                        CheckInKind.CHECK_IN,
                                        new CheckInAnswer(
                                                null, 6, 0, null, false, null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e ->
                                assertThat(e.errors())
                                        .extracting(err -> err.field())
                                        .containsExactlyInAnyOrder(
                                                "met", "usefulness", "goalProgress"));
        // "We met" counts as a meeting: no meeting-yet reason two weeks later.
        clock.advanceDays(14);
        assertThat(health().health()).isEqualTo(Health.ON_TRACK);
        // A new period opens a new check-in.
        assertThat(engagement.due(org, pair, eva, CheckInKind.CHECK_IN).answered()).isFalse();
    }

    @Test
    void checkInRequestsGoOncePerPersonAndPeriod() {
        assertThat(engagement.requestCheckIns(org, program.id()))
                .as("none in the first period")
                .isZero();
        clock.advanceDays(14);
        assertThat(engagement.requestCheckIns(org, program.id())).isEqualTo(2);
        assertThat(engagement.requestCheckIns(org, program.id())).isZero();
        assertThat(inbox("eva@engage.test", "Time for your check-in")).isEqualTo(1);
        clock.advanceDays(14);
        assertThat(engagement.requestCheckIns(org, program.id())).isEqualTo(2);
    }

    @Test
    void aQuietPairIsWarnedThenEndedAsInactiveAndTheMentorsPlaceFreed() {
        engagement.changeRules(
                org,
                program.id(),
                new EngagementRules(150, 21, 45, 2, true, false, 7, true, 30, 7));
        clock.advanceDays(29);
        engagement.assess(org, program.id());
        assertThat(inbox("eva@engage.test", "ends automatically")).isZero();
        clock.advanceDays(1);
        engagement.assess(org, program.id());
        engagement.assess(org, program.id());
        assertThat(inbox("eva@engage.test", "ends automatically")).isEqualTo(1);

        clock.advanceDays(6);
        engagement.assess(org, program.id());
        assertThat(workspaces.details(org, pair).status()).isEqualTo(MentorshipStatus.ACTIVE);
        clock.advanceDays(1);
        engagement.assess(org, program.id());
        var ended = workspaces.details(org, pair);
        assertThat(ended.status()).isEqualTo(MentorshipStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.INACTIVE);
        assertThat(enrolling.mentorPlaces(org, program.id()).get(mia)).isEqualTo(20);
        assertThat(
                        mentorships
                                .find(org, program.id(), mia, PageQuery.of(0, 10))
                                .items()
                                .stream()
                                .filter(m -> m.status() == MentorshipStatus.ACTIVE)
                                .count())
                .as("the mentor's place is free again")
                .isZero();
    }

    @Test
    void activityAfterTheWarningKeepsThePairGoing() {
        engagement.changeRules(
                org,
                program.id(),
                new EngagementRules(150, 21, 45, 2, true, false, 7, true, 30, 7));
        clock.advanceDays(30);
        engagement.assess(org, program.id());
        clock.advanceDays(3);
        engagement.record(org, pair, ActivityKind.MEETING, UUID.randomUUID(), clock.instant());
        clock.advanceDays(10);
        engagement.assess(org, program.id());
        assertThat(workspaces.details(org, pair).status()).isEqualTo(MentorshipStatus.ACTIVE);
    }

    /** Meetings held this week as the report counts them. */
    static int meetingsThisWeek(ProgramReport report) {
        return report.activity().get(report.activity().size() - 1).meetings();
    }

    @Test
    void theDashboardIsServedFromItsReportUntilItIsOlderThanTheMaxAge() {
        DashboardReport first = reports.dashboard(org, program.id());
        assertThat(first.asOf()).isEqualTo(clock.instant());
        assertThat(meetingsThisWeek(first.report())).isZero();

        engagement.record(org, pair, ActivityKind.MEETING, UUID.randomUUID(), clock.instant());
        clock.advance(java.time.Duration.ofSeconds(59));
        DashboardReport cached = reports.dashboard(org, program.id());
        assertThat(cached).as("the report of a minute ago, not computed again").isSameAs(first);
        assertThat(meetingsThisWeek(reports.report(org, program.id())))
                .as("computed now, the meeting counts")
                .isEqualTo(1);

        clock.advance(java.time.Duration.ofSeconds(1));
        DashboardReport again = reports.dashboard(org, program.id());
        assertThat(again.asOf()).isEqualTo(clock.instant());
        assertThat(meetingsThisWeek(again.report())).isEqualTo(1);
    }

    @Test
    void aManagersNudgeAndTheEndOfAPairShowOnTheDashboardAtOnce() {
        DashboardReport before = reports.dashboard(org, program.id());
        assertThat(before.report().healthNow().onTrack()).isEqualTo(1);
        engagement.record(org, pair, ActivityKind.MEETING, UUID.randomUUID(), clock.instant());
        assertThat(reports.dashboard(org, program.id())).isSameAs(before);

        engagement.nudge(org, program.id(), pair, "Shall we meet on Friday?");
        DashboardReport nudged = reports.dashboard(org, program.id());
        assertThat(nudged).isNotSameAs(before);
        assertThat(meetingsThisWeek(nudged.report())).isEqualTo(1);

        workspaces.end(org, pair, null, EndReason.GOALS_MET);
        await().atMost(java.time.Duration.ofMinutes(1))
                .until(
                        () ->
                                reports.dashboard(org, program.id()).report().healthNow().onTrack()
                                        == 0);
        assertThat(reports.dashboard(org, program.id()).asOf())
                .as("the clock did not move: the end evicted the report")
                .isEqualTo(clock.instant());
    }

    @Test
    void changedRulesShowOnTheDashboardAtOnce() {
        clock.advanceDays(22);
        assertThat(reports.dashboard(org, program.id()).report().healthNow().atRisk()).isEqualTo(1);
        engagement.changeRules(
                org,
                program.id(),
                new EngagementRules(200, 30, 45, 2, true, true, 7, false, 30, 7));
        assertThat(reports.dashboard(org, program.id()).report().healthNow().onTrack())
                .as("under twice the cadence and 30 quiet days, 22 days without a meeting are fine")
                .isEqualTo(1);
    }

    @Test
    void requestsArrivingTogetherComputeTheReportOnce() throws Exception {
        long before = dashboards.computations();
        int callers = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            List<java.util.concurrent.Future<DashboardReport>> answers =
                    new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return reports.dashboard(org, program.id());
                                }));
            }
            start.countDown();
            DashboardReport first = answers.get(0).get(1, java.util.concurrent.TimeUnit.MINUTES);
            for (var answer : answers) {
                assertThat(answer.get(1, java.util.concurrent.TimeUnit.MINUTES)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dashboards.computations() - before).isEqualTo(1);
    }
}
