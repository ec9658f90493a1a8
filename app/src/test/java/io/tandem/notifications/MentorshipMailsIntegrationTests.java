package io.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipsStarted;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large publish tells each of its 1,050 people once per mentorship, as each chose: more people
 * than one batch of recipients, mentors with two mentees, people who want program news in the app
 * only or in a digest, and one whose link secret exists already; the event delivered twice. Each
 * mail names the partner in the recipient's role and carries the recipient's own link.
 */
@TandemIntegrationTest
class MentorshipMailsIntegrationTests {

    static final int MENTORS = 350;
    static final int MENTEES = 700;

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired NotificationManagement notifications;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    TestOrganisation org;

    static String email(String code) {
        return code.toLowerCase() + "@batch.test";
    }

    @Test
    void aLargePublishTellsEveryoneOnceAsTheyChose() {
        org = organisations.create();
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name\n");
        for (int m = 0; m < MENTORS; m++) {
            csv.append(row("M" + m, "Mentor"));
        }
        for (int e = 0; e < MENTEES; e++) {
            csv.append(row("E" + e, "Mentee"));
        }
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, PersonId> ids = everyone();
        ProgramView program =
                programs.create(org.id(), ProgramDraft.of("Wave", "CROSS_DIVISIONAL"));

        // M7 (two mentees) and E11 want program news in the app only, E12 in a digest; E13 has
        // had a link secret for a while.
        notifications.choose(org.id(), email("M7"), NotificationKind.PROGRAM_NEWS, Delivery.IN_APP);
        notifications.choose(
                org.id(),
                "  " + email("E11").toUpperCase(),
                NotificationKind.PROGRAM_NEWS,
                Delivery.IN_APP);
        notifications.choose(
                org.id(), email("E12"), NotificationKind.PROGRAM_NEWS, Delivery.DAILY_DIGEST);
        String e13Link = notifications.preferencesLink(org.id(), email("E13"));

        List<MentorshipsStarted.Pair> pairs = new ArrayList<>();
        Map<String, String> mentorOf = new HashMap<>();
        for (int e = 0; e < MENTEES; e++) {
            String mentor = "M" + (e % MENTORS);
            mentorOf.put("E" + e, mentor);
            pairs.add(
                    new MentorshipsStarted.Pair(
                            new MentorshipId(UUID.randomUUID()),
                            ids.get(mentor),
                            ids.get("E" + e)));
        }
        // Delivered, then delivered again (a resubmission or another instance): nothing twice.
        for (int delivery = 1; delivery <= 2; delivery++) {
            MentorshipsStarted started =
                    new MentorshipsStarted(org.id(), program.id(), List.copyOf(pairs));
            transaction.executeWithoutResult(status -> events.publishEvent(started));
            int delivered = delivery;
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> completed(program.id().value()) == delivered);
        }

        Map<String, Long> mails = countBy("outbox_mail", "recipient");
        Map<String, Long> inbox = countBy("inbox_item", "recipient_email");
        for (int m = 0; m < MENTORS; m++) {
            String to = email("M" + m);
            assertThat(inbox.get(to)).as(to).isEqualTo(2);
            assertThat(mails.getOrDefault(to, 0L)).as(to).isEqualTo(m == 7 ? 0 : 2);
        }
        for (int e = 0; e < MENTEES; e++) {
            String to = email("E" + e);
            assertThat(inbox.get(to)).as(to).isEqualTo(1);
            assertThat(mails.getOrDefault(to, 0L)).as(to).isEqualTo(e == 11 || e == 12 ? 0 : 1);
        }
        assertThat(
                        jdbc.sql(
                                        "select email from notification_digest_item where"
                                                + " organisation_id = ?")
                                .param(org.id().value())
                                .query(String.class)
                                .list())
                .containsExactly(email("E12"));

        // Each mail names the partner in the recipient's role and carries the recipient's own
        // one-click link; E13's secret is the one made before.
        Map<String, String> secrets =
                jdbc
                        .sql(
                                "select email, token from notification_subscriber where organisation_id = ?")
                        .param(org.id().value())
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(secrets).hasSize(MENTORS + MENTEES);
        assertThat(e13Link).endsWith(secrets.get(email("E13")));
        List<Map<String, String>> written =
                jdbc.sql(
                                "select recipient, subject, body, unsubscribe_url from outbox_mail"
                                        + " where organisation_id = ?")
                        .param(org.id().value())
                        .query(
                                (rs, n) ->
                                        Map.of(
                                                "to", rs.getString(1),
                                                "subject", rs.getString(2),
                                                "body", rs.getString(3),
                                                "unsubscribe", rs.getString(4)))
                        .list();
        assertThat(written).hasSize(2 * MENTORS - 2 + MENTEES - 2);
        for (Map<String, String> mail : written) {
            String to = mail.get("to");
            String code = to.substring(0, to.indexOf('@')).toUpperCase();
            assertThat(mail.get("subject")).isEqualTo("Your match in Wave");
            assertThat(mail.get("unsubscribe"))
                    .contains("/notifications/preferences/" + secrets.get(to) + "/unsubscribe")
                    .endsWith("kind=PROGRAM_NEWS");
            if (code.startsWith("E")) {
                assertThat(mail.get("body"))
                        .contains(
                                "Hello " + code + ",",
                                mentorOf.get(code) + " Mentor will be your mentor in");
            } else {
                assertThat(mail.get("body")).contains("Hello " + code + ",", "You will mentor E");
            }
        }
    }

    static String row(String code, String last) {
        return code + "," + email(code) + "," + code + "," + last + "\n";
    }

    Map<String, PersonId> everyone() {
        Map<String, PersonId> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            var batch =
                    people.search(
                            org.id(), DirectoryQuery.all(), PageQuery.of(page, PageQuery.MAX_SIZE));
            for (PersonSummary person : batch.items()) {
                ids.put(person.employeeId(), person.id());
            }
            if (!batch.hasNext()) {
                return ids;
            }
        }
    }

    long completed(UUID program) {
        return jdbc.sql(
                        "select count(*) from event_publication where serialized_event like ?"
                                + " and listener_id like '%.notifications.MentorshipMails%'"
                                + " and completion_date is not null")
                .param("%" + program + "%")
                .query(Long.class)
                .single();
    }

    Map<String, Long> countBy(String table, String column) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(
                        "select "
                                + column
                                + ", count(*) from "
                                + table
                                + " where organisation_id = ? group by "
                                + column)
                .param(org.id().value())
                .query(
                        rs -> {
                            counts.put(rs.getString(1), rs.getLong(2));
                        });
        return counts;
    }
}
