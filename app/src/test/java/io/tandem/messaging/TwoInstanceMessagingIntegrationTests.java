package io.tandem.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemApplication;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL: this test's application and a second one started beside it. A
 * message posted on one reaches a stream held by the other through LISTEN/NOTIFY, and a stream that
 * resumes after the last event it saw gets what it missed, in order, once.
 */
@TandemIntegrationTest
@EnabledIfSystemProperty(named = "tandem.test.database", matches = "postgres")
class TwoInstanceMessagingIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,languages,skills\n"
                    + "M1,mia@two.test,Mia,Mentor,Engineering lead,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,English,Java\n"
                    + "E1,eva@two.test,Eva,Early,Sales rep,3,Retail,Sales,New York,America/New_York,FIELD,English,Negotiation\n";

    static ConfigurableApplicationContext other;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement here;

    TestOrganisation org;
    PersonId mia;
    PersonId eva;
    UUID conversation;

    @BeforeAll
    static void aSecondInstance() {
        other =
                new SpringApplicationBuilder(TandemApplication.class)
                        .profiles("test")
                        .properties(
                                "server.port=0",
                                "tandem.demo=false",
                                "tandem.base-url=http://localhost:0")
                        .run();
    }

    @AfterAll
    static void stopIt() {
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void aPair() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        mia = person("M1");
        eva = person("E1");
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Two", "CROSS_DIVISIONAL"));
        MentorshipId pair =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), eva, mia, 50);
        conversation = here.conversationOf(org.id(), pair, eva);
    }

    PersonId person(String code) {
        return TestPeople.id(people, org.id(), code);
    }

    @Test
    void aMessagePostedHereReachesAStreamOnTheOtherInstanceAndResumesThere() {
        MessagingManagement there = other.getBean(MessagingManagement.class);
        List<MessageView> got = new CopyOnWriteArrayList<>();
        try (Subscription stream = there.subscribe(org.id(), conversation, mia, 0, got::add)) {
            here.post(org.id(), conversation, eva, null, "Hello from instance one");
            await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 1);
            assertThat(got.get(0).text()).isEqualTo("Hello from instance one");
            // And back: posted there, heard here.
            List<MessageView> heard = new CopyOnWriteArrayList<>();
            try (Subscription back = here.subscribe(org.id(), conversation, eva, 1, heard::add)) {
                there.post(org.id(), conversation, mia, null, "Hello back");
                await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 1);
                assertThat(heard.get(0).text()).isEqualTo("Hello back");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 2);
        }
        long lastSeen = got.get(1).eventSeq();
        for (int i = 1; i <= 20; i++) {
            here.post(org.id(), conversation, eva, null, "missed " + i);
        }
        List<MessageView> resumed = new CopyOnWriteArrayList<>();
        try (Subscription stream =
                there.subscribe(org.id(), conversation, mia, lastSeen, resumed::add)) {
            here.post(org.id(), conversation, eva, null, "live again");
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() == 21);
        }
        assertThat(resumed).extracting(MessageView::text).startsWith("missed 1", "missed 2");
        assertThat(resumed).extracting(MessageView::text).endsWith("missed 20", "live again");
        assertThat(resumed)
                .extracting(MessageView::eventSeq)
                .isSorted()
                .doesNotHaveDuplicates()
                .allMatch(seq -> seq > lastSeen);
    }

    @Test
    void manyPostsFromBothInstancesArriveOnceEachInOrder() {
        MessagingManagement there = other.getBean(MessagingManagement.class);
        List<Long> onThere = new CopyOnWriteArrayList<>();
        List<Long> onHere = new CopyOnWriteArrayList<>();
        try (Subscription a =
                        there.subscribe(
                                org.id(), conversation, mia, 0, m -> onThere.add(m.eventSeq()));
                Subscription b =
                        here.subscribe(
                                org.id(), conversation, eva, 0, m -> onHere.add(m.eventSeq()))) {
            for (int i = 0; i < 100; i++) {
                (i % 2 == 0 ? here : there)
                        .post(org.id(), conversation, i % 2 == 0 ? eva : mia, null, "n" + i);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> onThere.size() >= 100 && onHere.size() >= 100);
        }
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(onThere).isEqualTo(expected);
        assertThat(onHere).isEqualTo(expected);
    }

    /**
     * The database drops every connection of this database (as a restart does) while a stream is
     * open on the other instance and posts keep coming here: every acknowledged post reaches the
     * stream once, in order, and a stream resuming after a seen event gets the rest.
     */
    @Test
    void streamsMissNothingWhenTheDatabaseDropsEveryConnection() throws Exception {
        MessagingManagement there = other.getBean(MessagingManagement.class);
        PostgresFanout otherListener = other.getBean(PostgresFanout.class);
        List<MessageView> got = new CopyOnWriteArrayList<>();
        List<String> acknowledged = new ArrayList<>();
        try (Subscription stream = there.subscribe(org.id(), conversation, mia, 0, got::add)) {
            for (int i = 0; i < 30; i++) {
                if (i == 5 || i == 15) {
                    assertThat(dropEveryConnection()).isPositive();
                }
                UUID clientId = UUID.randomUUID();
                String text = "through the outage " + i;
                // A post that fails is retried with the same client id, as the page does.
                for (int attempt = 0; ; attempt++) {
                    try {
                        here.post(org.id(), conversation, eva, clientId, text);
                        acknowledged.add(text);
                        break;
                    } catch (RuntimeException e) {
                        assertThat(attempt).as("post %d keeps failing: %s", i, e).isLessThan(50);
                        Thread.sleep(100);
                    }
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> got.size() >= 30);
            await().atMost(Duration.ofSeconds(30)).until(otherListener::listening);
        }
        assertThat(got).extracting(MessageView::text).isEqualTo(acknowledged);
        assertThat(got).extracting(MessageView::eventSeq).isSorted().doesNotHaveDuplicates();

        long lastSeen = got.get(9).eventSeq();
        List<MessageView> resumed = new CopyOnWriteArrayList<>();
        try (Subscription stream =
                there.subscribe(org.id(), conversation, mia, lastSeen, resumed::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.size() >= 20);
        }
        assertThat(resumed).extracting(MessageView::text).isEqualTo(acknowledged.subList(10, 30));
        // The retries, if any, stored nothing twice.
        assertThat(here.messages(org.id(), conversation, eva, null, null))
                .extracting(MessageView::text)
                .containsExactlyElementsOf(acknowledged);
    }

    /** Terminates every other session of this database: what its clients see of a restart. */
    private int dropEveryConnection() {
        return other.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql(
                        "select count(pg_terminate_backend(pid)) from pg_stat_activity where"
                                + " datname = current_database() and pid <> pg_backend_pid()")
                .query(Integer.class)
                .single();
    }
}
