package io.tandem.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-pair summary and the per-program day counts the dashboard reads equal a recount from
 * {@code pair_activity}, whatever the order events arrive in and however often one is redelivered.
 */
@TandemIntegrationTest
class PairSummaryIntegrationTests {

    static final Instant T = Instant.parse("2026-10-05T09:30:00Z");

    @Autowired TestOrganisations organisations;
    @Autowired ProgramManagement programs;
    @Autowired EngagementManagement engagement;
    @Autowired JdbcClient jdbc;

    @Test
    void redeliveredAndOutOfOrderEventsLeaveTheSummaryEqualToARecount() {
        TestOrganisation org = organisations.create();
        ProgramId program =
                programs.create(org.id(), ProgramDraft.of("Summary", "CROSS_DIVISIONAL")).id();
        MentorshipId pair = new MentorshipId(UUID.randomUUID());
        UUID message = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        UUID goal = UUID.randomUUID();

        // Activity reported before engagement follows the pair (its start event came late).
        engagement.record(org.id(), pair, ActivityKind.MESSAGE, message, T.plusSeconds(7_200));
        engagement.record(org.id(), pair, ActivityKind.MEETING, meeting, T.plusSeconds(86_400));
        engagement.record(
                org.id(), pair, ActivityKind.MEETING, UUID.randomUUID(), T.minusSeconds(86_400));
        PersonId mentor = new PersonId(UUID.randomUUID());
        PersonId mentee = new PersonId(UUID.randomUUID());
        engagement.followAll(
                org.id(), program, List.of(new PairActivities.NewPair(pair, mentor, mentee)));
        // Redelivered, older than what is known, and new after the pair is followed.
        assertThat(engagement.record(org.id(), pair, ActivityKind.MESSAGE, message, T)).isFalse();
        assertThat(
                        engagement.record(
                                org.id(), pair, ActivityKind.MEETING, meeting, T.plusSeconds(1)))
                .isFalse();
        engagement.record(org.id(), pair, ActivityKind.GOAL_ACHIEVED, goal, T.minusSeconds(3_600));
        engagement.record(org.id(), pair, ActivityKind.GOAL_ACHIEVED, goal, T.minusSeconds(3_600));
        engagement.record(
                org.id(), pair, ActivityKind.AGREEMENT_SIGNED, pair.value(), T.minusSeconds(9_000));
        engagement.record(
                org.id(), pair, ActivityKind.MESSAGE, UUID.randomUUID(), T.minusSeconds(200_000));
        engagement.record(
                org.id(),
                pair,
                ActivityKind.REPORTED_MEETING,
                UUID.randomUUID(),
                T.plusSeconds(3 * 86_400));
        // Two pulses, one after the other: the later one is the pair's latest check-in.
        engagement.answer(
                org.id(),
                pair,
                mentee,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 2, 4, null, false));
        engagement.answer(
                org.id(),
                pair,
                mentor,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(false, 5, 1, null, false));
        engagement.ended(org.id(), pair, EndReason.GOALS_MET);

        assertThat(summary(pair)).isEqualTo(recount(pair));
        assertThat(summary(pair).get("meetings")).isEqualTo(4L);
        assertThat(summary(pair).get("usefulness")).isEqualTo(5);
        assertThat(summary(pair).get("messages")).isEqualTo(2L);
        assertThat(days(program)).isEqualTo(recountDays(program)).isNotEmpty();
    }

    @Test
    void eventsRecordedConcurrentlyWithTheStartAreEachCountedOnce() throws Exception {
        TestOrganisation org = organisations.create();
        ProgramId program =
                programs.create(org.id(), ProgramDraft.of("Summary", "CROSS_DIVISIONAL")).id();
        MentorshipId pair = new MentorshipId(UUID.randomUUID());
        List<UUID> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(UUID.randomUUID());
        }
        List<Callable<Boolean>> work = new ArrayList<>();
        work.add(
                () -> {
                    engagement.followAll(org.id(), program, List.of(newPair(pair)));
                    return true;
                });
        for (int i = 0; i < messages.size(); i++) {
            UUID id = messages.get(i);
            Instant at = T.plusSeconds(3_600L * i);
            // Each message twice: once in order, once redelivered by another thread.
            work.add(() -> engagement.record(org.id(), pair, ActivityKind.MESSAGE, id, at));
            work.add(() -> engagement.record(org.id(), pair, ActivityKind.MESSAGE, id, at));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(summary(pair)).isEqualTo(recount(pair));
        assertThat(summary(pair).get("messages")).isEqualTo(40L);
        assertThat(days(program)).isEqualTo(recountDays(program));
        assertThat(days(program).stream().mapToLong(d -> (Long) d.get("activities")).sum())
                .isEqualTo(41);
    }

    /**
     * A pair's messages and its end, handled at once on several threads (as the event listeners
     * do): each writer takes the pair's locks in one order, so none is refused with a deadlock and
     * every message is counted once.
     */
    @Test
    void messagesAndTheEndOfThePairAtOnceAllCommit() throws Exception {
        TestOrganisation org = organisations.create();
        ProgramId program =
                programs.create(org.id(), ProgramDraft.of("Summary", "CROSS_DIVISIONAL")).id();
        for (int round = 0; round < 5; round++) {
            MentorshipId pair = new MentorshipId(UUID.randomUUID());
            engagement.followAll(org.id(), program, List.of(newPair(pair)));
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UUID id = UUID.randomUUID();
                Instant at = T.plusSeconds(60L * i);
                work.add(() -> engagement.record(org.id(), pair, ActivityKind.MESSAGE, id, at));
                if (i == 6) {
                    work.add(
                            () -> {
                                engagement.ended(
                                        org.id(),
                                        pair,
                                        io.tandem.mentorships.EndReason.PROGRAM_CLOSED);
                                return true;
                            });
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (Future<Boolean> f : pool.invokeAll(work)) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(summary(pair).get("messages")).isEqualTo(12L);
            assertThat(summary(pair)).isEqualTo(recount(pair));
        }
    }

    /**
     * A publish of 1,200 pairs (more than one batch), some of which did something before the start
     * event came, delivered twice: every pair followed and started once, every summary and the
     * program's days equal to a recount.
     */
    @Test
    void aLargePublishDeliveredTwiceFollowsEveryPairOnce() {
        TestOrganisation org = organisations.create();
        ProgramId program =
                programs.create(org.id(), ProgramDraft.of("Summary", "CROSS_DIVISIONAL")).id();
        List<PairActivities.NewPair> pairs = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            MentorshipId pair = new MentorshipId(UUID.randomUUID());
            pairs.add(newPair(pair));
            if (i % 4 == 0) {
                engagement.record(
                        org.id(), pair, ActivityKind.MESSAGE, UUID.randomUUID(), T.plusSeconds(i));
            }
        }

        engagement.followAll(org.id(), program, pairs);
        engagement.followAll(org.id(), program, pairs);

        for (PairActivities.NewPair pair : List.of(pairs.get(0), pairs.get(1), pairs.get(1_199))) {
            assertThat(summary(pair.mentorship())).isEqualTo(recount(pair.mentorship()));
            assertThat(summary(pair.mentorship()).get("program_id")).isEqualTo(program.value());
        }
        assertThat(days(program)).isEqualTo(recountDays(program));
        assertThat(
                        jdbc.sql(
                                        "select count(*) from pair_activity a join engaged_pair p"
                                                + " on p.mentorship_id = a.mentorship_id"
                                                + " where p.program_id = ? and a.kind = 'STARTED'")
                                .param(program.value())
                                .query(Long.class)
                                .single())
                .isEqualTo(1_200L);
        assertThat(
                        jdbc.sql(
                                        "select count(*) from pair_summary s join engaged_pair p"
                                                + " on p.mentorship_id = s.mentorship_id"
                                                + " where p.program_id = ? and s.program_id = ?"
                                                + " and s.last_activity_at is not null")
                                .params(program.value(), program.value())
                                .query(Long.class)
                                .single())
                .isEqualTo(1_200L);
    }

    private static PairActivities.NewPair newPair(MentorshipId pair) {
        return new PairActivities.NewPair(
                pair, new PersonId(UUID.randomUUID()), new PersonId(UUID.randomUUID()));
    }

    private Map<String, Object> summary(MentorshipId pair) {
        return jdbc.sql(
                        "select program_id, cast(agreements as bigint) agreements,"
                                + " cast(meetings as bigint) meetings, cast(messages as bigint) messages,"
                                + " cast(goals as bigint) goals, last_meeting_at, last_message_at,"
                                + " last_activity_at, checked_in_at, usefulness, goal_progress"
                                + " from pair_summary where mentorship_id = ?")
                .param(pair.value())
                .query()
                .singleRow();
    }

    private Map<String, Object> recount(MentorshipId pair) {
        return jdbc.sql(
                        "select (select program_id from engaged_pair where mentorship_id = ?) program_id,"
                                + " cast(sum(case when kind = 'AGREEMENT_SIGNED' then 1 else 0 end) as bigint) agreements,"
                                + " cast(sum(case when kind in ('MEETING', 'REPORTED_MEETING') then 1 else 0 end) as bigint) meetings,"
                                + " cast(sum(case when kind = 'MESSAGE' then 1 else 0 end) as bigint) messages,"
                                + " cast(sum(case when kind = 'GOAL_ACHIEVED' then 1 else 0 end) as bigint) goals,"
                                + " max(case when kind in ('MEETING', 'REPORTED_MEETING') then occurred_at end) last_meeting_at,"
                                + " max(case when kind = 'MESSAGE' then occurred_at end) last_message_at,"
                                + " max(case when kind <> 'ENDED' then occurred_at end) last_activity_at,"
                                + " (select max(answered_at) from check_in_answer where mentorship_id = ?"
                                + "   and kind = 'CHECK_IN') checked_in_at,"
                                + " (select usefulness from check_in_answer where mentorship_id = ?"
                                + "   and kind = 'CHECK_IN' order by answered_at desc limit 1) usefulness,"
                                + " (select goal_progress from check_in_answer where mentorship_id = ?"
                                + "   and kind = 'CHECK_IN' order by answered_at desc limit 1) goal_progress"
                                + " from pair_activity where mentorship_id = ?")
                .params(pair.value(), pair.value(), pair.value(), pair.value(), pair.value())
                .query()
                .singleRow();
    }

    private List<Map<String, Object>> days(ProgramId program) {
        return jdbc.sql(
                        "select activity_on, kind, cast(activities as bigint) activities"
                                + " from program_activity_day where program_id = ? and activities > 0"
                                + " order by activity_on, kind")
                .param(program.value())
                .query()
                .listOfRows();
    }

    private List<Map<String, Object>> recountDays(ProgramId program) {
        return jdbc.sql(
                        "select cast(a.occurred_at as date) activity_on, a.kind,"
                                + " cast(count(*) as bigint) activities from pair_activity a"
                                + " join engaged_pair p on p.mentorship_id = a.mentorship_id"
                                + " where p.program_id = ?"
                                + " group by cast(a.occurred_at as date), a.kind order by 1, 2")
                .param(program.value())
                .query()
                .listOfRows();
    }
}
