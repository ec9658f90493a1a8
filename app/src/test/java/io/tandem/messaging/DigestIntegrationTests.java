package io.tandem.messaging;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.notifications.Delivery;
import io.tandem.notifications.NotificationKind;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Digests: one mail for many unread messages, once, after the delay, as each person chose. */
@TandemIntegrationTest
class DigestIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,languages,skills\n"
                    + "M1,mia@digest.test,Mia,Mentor,Engineering lead,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,English,Java\n"
                    + "E1,eva@digest.test,Eva,Early,Sales rep,3,Retail,Sales,New York,America/New_York,FIELD,English,Negotiation\n"
                    + "E2,ed@digest.test,Ed,Else,Sales rep,3,Retail,Sales,New York,America/New_York,FIELD,English,Negotiation\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired MessagingManagement messaging;
    @Autowired NotificationManagement notifications;
    @Autowired Digests digests;
    @Autowired JdbcClient jdbc;

    TestOrganisation org;
    PersonId mia;
    PersonId eva;
    PersonId ed;
    UUID withEva;
    UUID withEd;

    @BeforeEach
    void miaMentorsTwo() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        mia = person("M1");
        eva = person("E1");
        ed = person("E2");
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Digest", "CROSS_DIVISIONAL"));
        MentorshipId a =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), eva, mia, 50);
        MentorshipId b =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), ed, mia, 50);
        withEva = messaging.conversationOf(org.id(), a, mia);
        withEd = messaging.conversationOf(org.id(), b, mia);
    }

    PersonId person(String code) {
        return TestPeople.id(people, org.id(), code);
    }

    void agedMinutes(int minutes) {
        jdbc.sql("update message set created_at = ? where organisation_id = ?")
                .params(
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(minutes))),
                        org.id().value())
                .update();
    }

    record Mail(String subject, String body, String unsubscribeUrl) {}

    /** The digests queued for this person (other mails, like the match notice, left out). */
    List<Mail> mailsTo(String email) {
        return jdbc.sql(
                        "select subject, body, unsubscribe_url from outbox_mail where organisation_id = ?"
                                + " and recipient = ? and dedup_key like 'messaging-digest:%'"
                                + " order by created_at")
                .params(org.id().value(), email)
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Test
    void anAwayPersonGetsOneDigestForManyMessagesOnceAfterTheDelay() {
        for (int i = 0; i < 5; i++) {
            messaging.post(org.id(), withEva, eva, null, "eva " + i);
        }
        for (int i = 0; i < 3; i++) {
            messaging.post(org.id(), withEd, ed, null, "ed " + i);
        }
        digests.run();
        assertThat(mailsTo("mia@digest.test")).as("not before the delay").isEmpty();

        agedMinutes(31);
        digests.run();
        digests.run();
        List<Mail> mails = mailsTo("mia@digest.test");
        assertThat(mails).hasSize(1);
        Mail digest = mails.get(0);
        assertThat(digest.subject()).isEqualTo("You have 8 unread messages on Tandem");
        assertThat(digest.body())
                .contains("5 new from Eva Early")
                .contains("3 new from Ed Else")
                .contains("/conversations/" + withEva)
                .contains("/notifications/preferences/")
                .doesNotContain("eva 0");
        assertThat(digest.unsubscribeUrl()).contains("/unsubscribe?kind=NEW_MESSAGE");
        // Eva and Ed read Mia's nothing: they have no unread, so no mail.
        assertThat(mailsTo("eva@digest.test")).isEmpty();

        // A new message starts a new wait; it is in the next digest, the old ones are not.
        messaging.post(org.id(), withEva, eva, null, "later");
        digests.run();
        assertThat(mailsTo("mia@digest.test")).hasSize(1);
        agedMinutes(31);
        digests.run();
        assertThat(mailsTo("mia@digest.test")).hasSize(2);
        assertThat(mailsTo("mia@digest.test").get(1).body()).contains("1 new from Eva Early");

        // Read messages never go into a digest.
        messaging.post(org.id(), withEd, ed, null, "read soon");
        messaging.markRead(org.id(), withEd, mia);
        agedMinutes(31);
        digests.run();
        assertThat(mailsTo("mia@digest.test")).hasSize(2);
    }

    @Test
    void aDigestForAnotherConversationAtTheSamePositionIsStillSent() {
        messaging.post(org.id(), withEva, eva, null, "first from Eva");
        agedMinutes(31);
        digests.run();
        messaging.markRead(org.id(), withEva, mia);
        // Ed's first message has the same number in his conversation as Eva's in hers.
        messaging.post(org.id(), withEd, ed, null, "first from Ed");
        agedMinutes(31);
        digests.run();
        List<Mail> mails = mailsTo("mia@digest.test");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).body()).contains("1 new from Eva Early");
        assertThat(mails.get(1).body()).contains("1 new from Ed Else");
    }

    @Test
    void inAppOnlyGetsNoMailAndTheOneClickLinkSetsIt() {
        String link =
                notifications.unsubscribeLink(
                        org.id(), "mia@digest.test", NotificationKind.NEW_MESSAGE);
        String path = link.substring(link.indexOf("/notifications/preferences/"));
        // RFC 8058 one-click: a POST with no session and no CSRF token.
        assertThat(mvc.post().uri(path).param("List-Unsubscribe", "One-Click")).hasStatusOk();
        assertThat(
                        notifications.delivery(
                                org.id(), "mia@digest.test", NotificationKind.NEW_MESSAGE))
                .isEqualTo(Delivery.IN_APP);
        messaging.post(org.id(), withEva, eva, null, "quiet please");
        agedMinutes(31);
        digests.run();
        assertThat(mailsTo("mia@digest.test")).isEmpty();
        assertThat(messaging.unread(org.id(), mia)).isEqualTo(1);
        // A made-up secret is nobody's link.
        assertThat(mvc.post().uri("/notifications/preferences/nope/unsubscribe?kind=NEW_MESSAGE"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDailyDigestWaitsADayAndTheSettingsPageSavesChoices() {
        assertThat(
                        mvc.post()
                                .uri("/settings/notifications")
                                .param("NEW_MESSAGE", "DAILY_DIGEST")
                                .param("REMINDERS", "IN_APP")
                                .with(signedIn(org.id(), "mia@digest.test", Role.EMPLOYEE))
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(notifications.preferences(org.id(), "mia@digest.test"))
                .containsEntry(NotificationKind.NEW_MESSAGE, Delivery.DAILY_DIGEST)
                .containsEntry(NotificationKind.REMINDERS, Delivery.IN_APP)
                .containsEntry(NotificationKind.MEETING_CHANGES, Delivery.EMAIL_NOW);
        assertThat(
                        mvc.get()
                                .uri("/settings/notifications")
                                .with(signedIn(org.id(), "mia@digest.test", Role.EMPLOYEE)))
                .hasStatusOk()
                .bodyText()
                .contains("In a daily digest");
        messaging.post(org.id(), withEva, eva, null, "tomorrow is fine");
        agedMinutes(31);
        digests.run();
        assertThat(mailsTo("mia@digest.test")).isEmpty();
        agedMinutes(25 * 60);
        digests.run();
        assertThat(mailsTo("mia@digest.test")).hasSize(1);
    }
}
