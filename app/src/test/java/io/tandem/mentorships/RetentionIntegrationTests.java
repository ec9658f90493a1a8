package io.tandem.mentorships;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.tandem.SecondSchedulers;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestPairs;
import io.tandem.audit.AuditEntry;
import io.tandem.audit.AuditLog;
import io.tandem.audit.AuditQuery;
import io.tandem.identity.OrganisationId;
import io.tandem.identity.Role;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ended mentorships' content goes once the organisation's retention has passed: run by two
 * schedulers on the same database, each organisation's run removes it once, and only from
 * mentorships that ended long enough ago.
 */
@TandemIntegrationTest
class RetentionIntegrationTests {

    static final int OLD = 30;
    static final int RECENT = 5;
    static final int ACTIVE = 5;

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired MessagingManagement messaging;
    @Autowired RetentionManagement retention;
    @Autowired OneTimeTask<RetentionJobs.OrganisationWork> task;
    @Autowired SchedulerClient client;
    @Autowired AuditLog audit;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    record Org(OrganisationId id, List<MentorshipId> old, List<MentorshipId> kept) {}

    @Test
    void twoInstancesRemoveEndedContentOnceAfterTheRetentionPassed() {
        List<Org> orgs = List.of(organisation(), organisation());
        long messagesBefore = messages(orgs);

        assertThat(RetentionJobs.fanOut(retention, task, client)).isGreaterThanOrEqualTo(2);
        // Scheduling the same day twice schedules nothing more.
        assertThat(RetentionJobs.fanOut(retention, task, client)).isZero();
        Scheduler first = instance();
        Scheduler second = instance();
        first.start();
        second.start();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> orgs.stream().allMatch(o -> retentionEntries(o).size() == 1));
        } finally {
            first.stop();
            second.stop();
        }

        for (Org o : orgs) {
            List<AuditEntry> entries = retentionEntries(o);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).detail()).startsWith("mentorships=" + OLD + ";");
            assertThat(notes(o.old())).isZero();
            assertThat(nonEmptyMessages(o.old())).isZero();
            assertThat(notes(o.kept())).isEqualTo(o.kept().size());
            assertThat(nonEmptyMessages(o.kept())).isEqualTo(o.kept().size());
        }
        // The conversations keep their length: the counts stay.
        assertThat(messages(orgs)).isEqualTo(messagesBefore);

        // A later run finds nothing more to remove and records nothing.
        for (Org o : orgs) {
            assertThat(retention.apply(o.id())).isZero();
            assertThat(retentionEntries(o)).hasSize(1);
        }
    }

    @Test
    void anAdminSetsTheMonthsAndBadInputIsRefusedNamingTheField() {
        OrganisationId org = organisations.create().id();
        assertThat(
                        mvc.post()
                                .uri("/admin/retention")
                                .param("months", "0")
                                .with(signedIn(org, "admin@ret.test", Role.ADMIN))
                                .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Months must be a whole number");
        assertThat(retention.months(org)).isEmpty();
        assertThat(
                        mvc.post()
                                .uri("/admin/retention")
                                .param("months", "18")
                                .with(signedIn(org, "admin@ret.test", Role.ADMIN))
                                .with(csrf()))
                .hasRedirectedUrl("/admin/retention");
        assertThat(retention.months(org)).contains(18);
        assertThat(
                        mvc.get()
                                .uri("/admin/retention")
                                .with(signedIn(org, "pm@ret.test", Role.PROGRAM_MANAGER)))
                .hasStatus(403);
    }

    /**
     * An organisation keeping content six months, with pairs that ended eight months ago, pairs
     * that ended last month and active pairs; each pair wrote a note and a message.
     */
    private Org organisation() {
        OrganisationId org = organisations.create().id();
        int pairs = OLD + RECENT + ACTIVE;
        StringBuilder csv = new StringBuilder("employee_id,email,first_name,last_name\n");
        for (int i = 0; i < pairs; i++) {
            csv.append("M").append(i).append(",m").append(i).append("@ret.test,Mentor,N").append(i);
            csv.append('\n');
            csv.append("E").append(i).append(",e").append(i).append("@ret.test,Mentee,N").append(i);
            csv.append('\n');
        }
        people.importCsv(org, csv.toString().getBytes(StandardCharsets.UTF_8));
        ProgramId program = programs.create(org, ProgramDraft.of("Kept", "CROSS_DIVISIONAL")).id();
        List<MentorshipId> old = new ArrayList<>();
        List<MentorshipId> kept = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < pairs; i++) {
            PersonId mentor = person(org, "m" + i);
            PersonId mentee = person(org, "e" + i);
            MentorshipId pair =
                    TestPairs.start(
                            programs, enrolling, mentorships, org, program, mentee, mentor, 30);
            workspaces.addNote(org, pair, mentee, "Note " + i, false);
            UUID conversation = messaging.conversationOf(org, pair, mentee);
            messaging.post(org, conversation, mentee, UUID.randomUUID(), "Message " + i);
            if (i < OLD + RECENT) {
                workspaces.end(org, pair, null, EndReason.GOALS_MET);
                LocalDate ended = i < OLD ? today.minusMonths(8) : today.minusMonths(1);
                jdbc.sql("update mentorship set ended_on = ? where id = ?")
                        .params(Date.valueOf(ended), pair.value())
                        .update();
            }
            (i < OLD ? old : kept).add(pair);
        }
        retention.setMonths(org, 6);
        return new Org(org, old, kept);
    }

    private PersonId person(OrganisationId org, String local) {
        return people.findByEmail(org, local + "@ret.test").orElseThrow().id();
    }

    private List<AuditEntry> retentionEntries(Org o) {
        return audit.find(
                        o.id(),
                        new AuditQuery(null, null, null, "CONTENT_RETENTION"),
                        PageQuery.of(0, 10))
                .items();
    }

    private long notes(List<MentorshipId> pairs) {
        return jdbc.sql("select count(*) from note where mentorship_id in (:ids)")
                .param("ids", pairs.stream().map(MentorshipId::value).toList())
                .query(Long.class)
                .single();
    }

    private long nonEmptyMessages(List<MentorshipId> pairs) {
        return jdbc.sql(
                        "select count(*) from message m join conversation c on c.id = m.conversation_id"
                                + " where c.mentorship_id in (:ids) and m.body <> ''")
                .param("ids", pairs.stream().map(MentorshipId::value).toList())
                .query(Long.class)
                .single();
    }

    private long messages(List<Org> orgs) {
        return jdbc.sql("select count(*) from message where organisation_id in (:orgs)")
                .param("orgs", orgs.stream().map(o -> o.id().value()).toList())
                .query(Long.class)
                .single();
    }

    private Scheduler instance() {
        return SecondSchedulers.on(dataSource, json, task);
    }
}
