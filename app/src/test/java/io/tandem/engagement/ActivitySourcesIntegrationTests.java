package io.tandem.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.meetings.MeetingHeld;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Messages a pair sends and meetings they hold count as the pair's activity, each once. */
@TandemIntegrationTest
class ActivitySourcesIntegrationTests {

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void messagesAndEachHeldOccurrenceOfAMeetingAreRecordedOnce() {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name\n"
                                + "M1,mo@activity.test,Mo,Mentor\n"
                                + "E1,ed@activity.test,Ed,Mentee\n")
                        .getBytes(StandardCharsets.UTF_8));
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Activity", "CROSS_DIVISIONAL"));
        PersonId mentee = id(org, "E1");
        MentorshipId pair =
                TestPairs.start(
                        programs,
                        enrolling,
                        mentorships,
                        org.id(),
                        program.id(),
                        mentee,
                        id(org, "M1"),
                        50);

        UUID conversation = messaging.conversationOf(org.id(), pair, mentee);
        UUID clientId = UUID.randomUUID();
        messaging.post(org.id(), conversation, mentee, clientId, "Hello, shall we meet?");
        messaging.post(org.id(), conversation, mentee, clientId, "Hello, shall we meet?");
        messaging.post(org.id(), conversation, mentee, UUID.randomUUID(), "Thursday works.");
        await().atMost(Duration.ofMinutes(1)).until(() -> activities(pair, "MESSAGE") == 2);

        UUID meeting = UUID.randomUUID();
        Instant first = Instant.parse("2026-11-05T10:00:00Z");
        Instant second = Instant.parse("2026-11-12T10:00:00Z");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(
                s -> {
                    events.publishEvent(new MeetingHeld(org.id(), pair, meeting, first));
                    events.publishEvent(new MeetingHeld(org.id(), pair, meeting, second));
                });
        tx.executeWithoutResult(
                s -> events.publishEvent(new MeetingHeld(org.id(), pair, meeting, first)));
        await().atMost(Duration.ofMinutes(1)).until(() -> activities(pair, "MEETING") == 2);
        assertThat(
                        jdbc.sql(
                                        "select max(occurred_at) from pair_activity where mentorship_id = ?"
                                                + " and kind = 'MEETING'")
                                .param(pair.value())
                                .query(java.sql.Timestamp.class)
                                .single()
                                .toInstant())
                .isEqualTo(second);
    }

    private long activities(MentorshipId pair, String kind) {
        return jdbc.sql("select count(*) from pair_activity where mentorship_id = ? and kind = ?")
                .params(pair.value(), kind)
                .query(Long.class)
                .single();
    }

    private PersonId id(TestOrganisation org, String code) {
        return TestPeople.id(people, org.id(), code);
    }
}
