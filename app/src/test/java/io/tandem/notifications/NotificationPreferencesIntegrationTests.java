package io.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.engagement.EngagementManagement;
import io.tandem.matching.MentorRequested;
import io.tandem.matching.RequestId;
import io.tandem.meetings.MeetingManagement;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.meetings.Place;
import io.tandem.meetings.Recurrence;
import io.tandem.meetings.Slot;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramInvitations;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every kind of mail a person may switch off follows their choice: Ana wants everything in the app
 * only, Ben in a daily digest, Cy by e-mail now (nobody chose for Cy: that is the default). Each
 * test triggers one kind the way the product does and reads the outbox, the inbox and the held
 * digest.
 */
@TandemIntegrationTest
class NotificationPreferencesIntegrationTests {

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired ProgramInvitations invitations;
    @Autowired MentorshipManagement mentorships;
    @Autowired MeetingManagement meetings;
    @Autowired EngagementManagement engagement;
    @Autowired NotificationManagement notifications;
    @Autowired NotificationDigests digests;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    TestOrganisation org;
    ProgramView program;
    PersonId ana;
    PersonId ben;
    PersonId cy;
    PersonId dee;

    @BeforeEach
    void anaBenAndCyChoseDifferently() {
        org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division\n"
                                + "A1,ana@prefs.test,Ana,Alvarez,Sales\n"
                                + "B1,ben@prefs.test,Ben,Baker,Sales\n"
                                + "C1,cy@prefs.test,Cy,Cole,Engineering\n"
                                + "D1,dee@prefs.test,Dee,Dunn,Engineering\n")
                        .getBytes(StandardCharsets.UTF_8));
        ana = person("ana@prefs.test");
        ben = person("ben@prefs.test");
        cy = person("cy@prefs.test");
        dee = person("dee@prefs.test");
        for (NotificationKind kind : NotificationKind.values()) {
            notifications.choose(org.id(), "ana@prefs.test", kind, Delivery.IN_APP);
            notifications.choose(org.id(), "BEN@prefs.test", kind, Delivery.DAILY_DIGEST);
        }
        program =
                programs.create(
                        org.id(), ProgramDraft.of("Sales meets Engineering", "CROSS_DIVISIONAL"));
    }

    @AfterEach
    void backToTheRealClock() {
        digests.useClock(Clock.systemUTC());
    }

    @Test
    void programNewsFollowsEachPersonsChoice() {
        invitations.inviteEmails(
                org.id(),
                program.id(),
                List.of("ana@prefs.test", "ben@prefs.test", "cy@prefs.test"),
                EnrolmentRole.MENTEE);
        awaitInbox(1, "ana@prefs.test", "ben@prefs.test", "cy@prefs.test");

        assertChoicesHeld(
                "You are invited to Sales meets Engineering", NotificationKind.PROGRAM_NEWS);
    }

    @Test
    void newRequestsFollowEachMentorsChoice() {
        transaction.executeWithoutResult(
                s -> {
                    for (PersonId mentor : List.of(ana, ben, cy)) {
                        events.publishEvent(
                                new MentorRequested(
                                        org.id(),
                                        program.id(),
                                        new RequestId(UUID.randomUUID()),
                                        dee,
                                        mentor));
                    }
                });
        awaitInbox(1, "ana@prefs.test", "ben@prefs.test", "cy@prefs.test");

        assertChoicesHeld("Dee Dunn asks you to be their mentor", NotificationKind.NEW_REQUEST);
    }

    @Test
    void meetingChangesFollowEachAttendeesChoice() {
        List<MentorshipId> pairs =
                List.of(
                        TestPairs.start(
                                programs,
                                enrolling,
                                mentorships,
                                org.id(),
                                program.id(),
                                ana,
                                dee,
                                70),
                        TestPairs.start(
                                programs,
                                enrolling,
                                mentorships,
                                org.id(),
                                program.id(),
                                ben,
                                dee,
                                70));
        // The match itself is program news: let it arrive first.
        awaitInbox(1, "ana@prefs.test", "ben@prefs.test", "dee@prefs.test");
        for (MentorshipId pair : pairs) {
            Slot slot = meetings.slots(org.id(), pair, Duration.ofMinutes(30)).get(0);
            meetings.plan(
                    org.id(),
                    pair,
                    dee,
                    new PlanMeeting(
                            "First talk",
                            null,
                            slot.start(),
                            slot.end(),
                            null,
                            Recurrence.NONE,
                            Place.VIDEO,
                            null,
                            null));
        }
        awaitInbox(2, "ana@prefs.test", "ben@prefs.test");

        assertThat(mails("ana@prefs.test")).isEmpty();
        assertThat(mails("ben@prefs.test")).isEmpty();
        assertThat(held("ben@prefs.test")).filteredOn(h -> h.contains("First talk")).hasSize(1);
        // Dee, the organiser, chose nothing: both invitations by mail, with a one-click way out.
        assertThat(mails("dee@prefs.test", "First talk"))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.unsubscribe()).contains("kind=MEETING_CHANGES"));
        assertDigestFor("ben@prefs.test", "First talk");
    }

    @Test
    void nudgesFollowEachPersonsChoice() {
        MentorshipId anaAndCy =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), ana, cy, 70);
        MentorshipId benAndDee =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), ben, dee, 70);
        // The match itself is program news: let it arrive first.
        awaitInbox(1, "ana@prefs.test", "ben@prefs.test", "cy@prefs.test", "dee@prefs.test");
        engagement.nudge(org.id(), program.id(), anaAndCy, "How about a meeting this week?");
        engagement.nudge(org.id(), program.id(), benAndDee, "How about a meeting this week?");

        assertThat(notifications.inbox(org.id(), "ana@prefs.test"))
                .anySatisfy(i -> assertThat(i.text()).contains("How about a meeting"));
        assertThat(mails("ana@prefs.test")).isEmpty();
        assertThat(mails("ben@prefs.test")).isEmpty();
        assertThat(held("ben@prefs.test")).contains("A nudge for your mentorship");
        assertThat(mails("cy@prefs.test", "nudge"))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.subject()).isEqualTo("A nudge for your mentorship");
                            assertThat(m.unsubscribe()).contains("kind=REMINDERS");
                        });
        assertThat(mails("dee@prefs.test", "nudge")).hasSize(1);
        assertDigestFor("ben@prefs.test", "How about a meeting this week?");
    }

    @Test
    void accountMailsIgnoreTheChoice() {
        // Ana wants nothing by mail, but a password reset must reach her: it is how she gets in.
        transaction.executeWithoutResult(
                s ->
                        notifications.queueMail(
                                org.id(), "ana@prefs.test", "Reset your password", "A link"));
        assertThat(mails("ana@prefs.test"))
                .singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Reset your password"));
    }

    private void assertChoicesHeld(String subject, NotificationKind kind) {
        assertThat(mails("ana@prefs.test")).isEmpty();
        assertThat(mails("ben@prefs.test")).isEmpty();
        assertThat(held("ben@prefs.test")).containsExactly(subject);
        assertThat(mails("cy@prefs.test"))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.subject()).isEqualTo(subject);
                            assertThat(m.unsubscribe())
                                    .contains("/notifications/preferences/")
                                    .endsWith("kind=" + kind.name());
                        });
        assertDigestFor("ben@prefs.test", subject);
    }

    /**
     * Before a day has passed nothing goes out; after it, one digest with everything held; a second
     * pass sends nothing more.
     */
    private void assertDigestFor(String email, String expected) {
        digests.run(notifications);
        assertThat(mails(email)).isEmpty();
        digests.useClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(25)));
        digests.run(notifications);
        digests.run(notifications);
        assertThat(mails(email))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.subject()).startsWith("Your Tandem digest: ");
                            assertThat(m.body())
                                    .contains(expected)
                                    .contains("/notifications/preferences/");
                        });
        assertThat(held(email)).isEmpty();
    }

    record Mail(String subject, String body, String unsubscribe) {}

    private List<Mail> mails(String email) {
        return jdbc.sql(
                        "select subject, body, unsubscribe_url from outbox_mail where"
                                + " organisation_id = ? and recipient = ? order by created_at")
                .params(org.id().value(), email)
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The subjects held for the person's next digest. */
    private List<String> held(String email) {
        return jdbc.sql(
                        "select subject from notification_digest_item where organisation_id = ?"
                                + " and email = ? and digested_at is null order by created_at")
                .params(org.id().value(), email)
                .query(String.class)
                .list();
    }

    /** Waits for the listeners: the inbox item is written in the same transaction as the mail. */
    private void awaitInbox(int items, String... emails) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            for (String email : emails) {
                                assertThat(notifications.inbox(org.id(), email))
                                        .hasSizeGreaterThanOrEqualTo(items);
                            }
                        });
    }

    private List<Mail> mails(String email, String subjectContains) {
        return mails(email).stream().filter(m -> m.subject().contains(subjectContains)).toList();
    }

    private PersonId person(String email) {
        return people.findByEmail(org.id(), email).orElseThrow().id();
    }
}
