package io.tandem.people;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.audit.AuditLog;
import io.tandem.audit.AuditQuery;
import io.tandem.engagement.CheckInAnswer;
import io.tandem.engagement.CheckInKind;
import io.tandem.engagement.EngagementManagement;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Role;
import io.tandem.meetings.MeetingManagement;
import io.tandem.meetings.MeetingManagement.PlanMeeting;
import io.tandem.meetings.Place;
import io.tandem.meetings.Recurrence;
import io.tandem.meetings.Slot;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.mentorships.WorkspaceManagement.AgreementDraft;
import io.tandem.mentorships.WorkspaceManagement.GoalDraft;
import io.tandem.messaging.MessagingManagement;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's personal data: the export holds every part and no one else's private content; erasure
 * leaves no trace of the name or e-mail in any text column of any table, while counts stay.
 */
@TandemIntegrationTest
class PersonalDataIntegrationTests {

    /** Names no other test uses, so a scan of the whole database finds only this test's traces. */
    static final String EVA_EMAIL = "evangelina.quistorff@erase.test";

    static final String PASSWORD = "a long enough password 1";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired MessagingManagement messaging;
    @Autowired MeetingManagement meetings;
    @Autowired EngagementManagement engagement;
    @Autowired IdentityManagement identity;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;

    TestOrganisation org;
    PersonId eva;
    PersonId mia;
    PersonId olu;
    ProgramId program;
    MentorshipId pair;
    String evaEmail;
    String evaFirst;
    String evaLast;

    @BeforeEach
    void aPairWithContentFromBothSides() {
        org = organisations.create();
        // Each test's Eva has her own address: account e-mails are unique across organisations.
        String tag = org.slug().substring(5, 13).replaceAll("[0-9]", "x");
        evaEmail = EVA_EMAIL.replace("@", "+" + tag + "@");
        evaFirst = "Evangelina" + tag;
        evaLast = "Quistorff" + tag;
        String csv =
                "employee_id,email,first_name,last_name,title\n"
                        + "E1,"
                        + evaEmail
                        + ","
                        + evaFirst
                        + ","
                        + evaLast
                        + ",Their own title\n"
                        + "M1,mia@pd.test,Mia,Mentor,Lead\n"
                        + "O1,olu@pd.test,Olu,Other,Analyst\n";
        people.importCsv(org.id(), csv.getBytes(StandardCharsets.UTF_8));
        eva = people.findByEmail(org.id(), evaEmail).orElseThrow().id();
        mia = people.findByEmail(org.id(), "mia@pd.test").orElseThrow().id();
        olu = people.findByEmail(org.id(), "olu@pd.test").orElseThrow().id();
        program =
                programs.create(org.id(), ProgramDraft.of("Personal data", "CROSS_DIVISIONAL"))
                        .id();
        pair = TestPairs.start(programs, enrolling, mentorships, org.id(), program, eva, mia, 40);
        identity.ensureAccount(
                org.id(), evaEmail, evaFirst + " " + evaLast, PASSWORD, Role.EMPLOYEE);

        workspaces.saveAgreement(
                org.id(),
                pair,
                mia,
                new AgreementDraft("AGREED-TERMS", "Learn", "Weekly", "Private", "6 months", null));
        workspaces.addGoal(
                org.id(),
                pair,
                eva,
                new GoalDraft("EVA-GOAL", "EVA-MEASURE", LocalDate.now().plusDays(40), null, null));
        workspaces.addActionItem(
                org.id(), pair, eva, "EVA-ACTION", mia, LocalDate.now().plusDays(3));
        workspaces.addNote(org.id(), pair, eva, "EVA-SHARED-NOTE", true);
        workspaces.addNote(org.id(), pair, eva, "EVA-PRIVATE-NOTE", false);
        workspaces.addNote(org.id(), pair, mia, "MIA-SHARED-NOTE", true);
        workspaces.addNote(org.id(), pair, mia, "MIA-PRIVATE-NOTE", false);

        UUID conversation = messaging.conversationOf(org.id(), pair, eva);
        messaging.post(org.id(), conversation, eva, UUID.randomUUID(), "EVA-MESSAGE");
        messaging.post(org.id(), conversation, mia, UUID.randomUUID(), "MIA-MESSAGE");

        Slot slot = meetings.slots(org.id(), pair, Duration.ofMinutes(30)).get(0);
        UUID meeting =
                meetings.plan(
                                org.id(),
                                pair,
                                eva,
                                new PlanMeeting(
                                        "EVA-MEETING",
                                        "EVA-AGENDA",
                                        slot.start(),
                                        slot.end(),
                                        null,
                                        Recurrence.NONE,
                                        Place.VIDEO,
                                        null,
                                        null))
                        .id();
        meetings.addNote(org.id(), meeting, eva, "EVA-MEETING-NOTE", false);
        meetings.addNote(org.id(), meeting, mia, "MIA-MEETING-NOTE", false);

        await().atMost(Duration.ofMinutes(1))
                .until(() -> engagement.pairs(org.id(), program, null).size() == 1);
        engagement.answer(
                org.id(),
                pair,
                eva,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 4, 3, "EVA-BLOCKING", false));
        engagement.answer(
                org.id(),
                pair,
                mia,
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 5, 4, "MIA-BLOCKING", false));

        // The match mails and inbox items name the partner; wait until they are written.
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () ->
                                count(
                                                "select count(*) from inbox_item where organisation_id = ?"
                                                        + " and recipient_email = 'mia@pd.test'")
                                        > 0);
    }

    @Test
    void theExportHoldsEveryPartAndNothingOfThePartnersPrivateContent() throws Exception {
        // A later import moves Eva: the export says what changed and when.
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division\nE1,"
                                + evaEmail
                                + ","
                                + evaFirst
                                + ","
                                + evaLast
                                + ",Sales\n")
                        .getBytes(StandardCharsets.UTF_8));
        var response =
                mvc.get()
                        .uri("/api/v1/people/{id}/personal-data", eva.value())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange();
        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment", "tandem-personal-data.json");
        String text = response.getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = json.readTree(text);

        assertThat(document.get("format").asString()).isEqualTo("tandem-personal-data/1");
        assertThat(document.get("profile").get("email").asString()).isEqualTo(evaEmail);
        assertThat(document.get("account").get("status").asString()).isEqualTo("ACTIVATED");
        assertThat(document.get("workingHours").isObject()).isTrue();
        assertThat(document.get("changes")).hasSize(1);
        assertThat(document.get("changes").get(0).get("kind").asString()).isEqualTo("DIVISION");
        assertThat(document.get("changes").get(0).get("toValue").asString()).isEqualTo("Sales");
        assertThat(document.get("enrolments")).hasSize(1);
        assertThat(document.get("mentorships").get(0).get("role").asString()).isEqualTo("MENTEE");
        assertThat(document.get("agreements").get(0).get("terms").asString())
                .isEqualTo("AGREED-TERMS");
        assertThat(document.get("goals").get(0).get("title").asString()).isEqualTo("EVA-GOAL");
        assertThat(document.get("actionItems").get(0).get("title").asString())
                .isEqualTo("EVA-ACTION");
        assertThat(texts(document.get("notes"), "body"))
                .containsExactlyInAnyOrder("EVA-SHARED-NOTE", "EVA-PRIVATE-NOTE");
        assertThat(document.get("meetings").get(0).get("agenda").asString())
                .isEqualTo("EVA-AGENDA");
        assertThat(texts(document.get("meetingNotes"), "body")).containsExactly("EVA-MEETING-NOTE");
        assertThat(texts(document.get("messages"), "body")).containsExactly("EVA-MESSAGE");
        assertThat(texts(document.get("checkInAnswers"), "blocking"))
                .containsExactly("EVA-BLOCKING");
        assertThat(document.get("inbox")).isNotEmpty();
        assertThat(text)
                .doesNotContain(
                        "MIA-PRIVATE-NOTE",
                        "MIA-SHARED-NOTE",
                        "MIA-MESSAGE",
                        "MIA-MEETING-NOTE",
                        "MIA-BLOCKING",
                        "olu@pd.test");

        // The person themselves, from their profile; the same parts.
        var own =
                mvc.get()
                        .uri("/profile/personal-data")
                        .with(signedIn(org.id(), evaEmail, Role.EMPLOYEE))
                        .exchange();
        assertThat(own).hasStatusOk();
        assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("EVA-PRIVATE-NOTE")
                .doesNotContain("MIA-PRIVATE-NOTE");

        // Nobody else's: a colleague, a program manager, another organisation's admin token.
        assertThat(
                        mvc.get()
                                .uri("/people/{id}/personal-data", eva.value())
                                .with(signedIn(org.id(), "olu@pd.test", Role.EMPLOYEE)))
                .hasStatus(403);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}/personal-data", eva.value())
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + organisations.token(org, Role.PROGRAM_MANAGER)))
                .hasStatus(403);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}/personal-data", eva.value())
                                .header(HttpHeaders.AUTHORIZATION, organisations.create().bearer()))
                .hasStatus(404);

        assertThat(
                        audit.find(
                                        org.id(),
                                        new AuditQuery(null, null, null, "PERSONAL_DATA_EXPORTED"),
                                        PageQuery.of(0, 10))
                                .items())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.targetId()).isEqualTo(eva.value().toString()));
    }

    @Test
    void erasureLeavesNoTraceOfTheNameOrEmailAnywhereWhileCountsStay() throws Exception {
        // Eva signs in once, so the audit trail names her as an actor.
        assertThat(
                        mvc.post()
                                .uri("/login")
                                .with(csrf())
                                .param("username", evaEmail)
                                .param("password", PASSWORD))
                .hasRedirectedUrl("/");
        assertThat(traces()).isNotEmpty();
        Map<String, Long> before = counts();

        var erased =
                mvc.post()
                        .uri("/api/v1/people/{id}/erase", eva.value())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange();
        assertThat(erased).hasStatusOk();
        assertThat(erased.getResponse().getContentAsString()).contains("\"erased\":true");

        assertThat(traces()).isEmpty();
        assertThat(counts()).isEqualTo(before);

        PersonSummary former = people.get(org.id(), eva);
        assertThat(former.name()).isEqualTo("Former member");
        assertThat(former.active()).isFalse();
        assertThat(workspaces.details(org.id(), pair).endReason())
                .isEqualTo(EndReason.LEFT_ORGANISATION);
        // Her private notes and free text are gone; what Mia wrote stays as it was.
        assertThat(
                        jdbc.sql(
                                        "select body from note where mentorship_id = ? order by created_at")
                                .param(pair.value())
                                .query(String.class)
                                .list())
                .containsExactlyInAnyOrder("", "MIA-SHARED-NOTE", "MIA-PRIVATE-NOTE");
        assertThat(
                        jdbc.sql("select body from message where organisation_id = ? order by seq")
                                .param(org.id().value())
                                .query(String.class)
                                .list())
                .containsExactly("", "MIA-MESSAGE");
        assertThat(
                        jdbc.sql(
                                        "select blocking from check_in_answer where mentorship_id = ?"
                                                + " and blocking is not null")
                                .param(pair.value())
                                .query(String.class)
                                .list())
                .containsExactly("MIA-BLOCKING");
        assertThat(
                        jdbc.sql("select body from meeting_note where organisation_id = ?")
                                .param(org.id().value())
                                .query(String.class)
                                .list())
                .containsExactly("MIA-MEETING-NOTE");

        // She cannot sign in any more, with her old e-mail or otherwise.
        assertThat(
                        mvc.post()
                                .uri("/login")
                                .with(csrf())
                                .param("username", evaEmail)
                                .param("password", PASSWORD))
                .hasRedirectedUrl("/login?error");

        // The trail records the erasure without what was erased, and still verifies.
        var entry =
                audit.find(
                                org.id(),
                                new AuditQuery(null, null, null, "PERSON_ERASED"),
                                PageQuery.of(0, 10))
                        .items();
        assertThat(entry).hasSize(1);
        assertThat(entry.get(0).targetId()).isEqualTo(eva.value().toString());
        assertThat(audit.verify(org.id()).valid()).isTrue();
        assertThat(
                        audit.find(
                                        org.id(),
                                        new AuditQuery(null, null, null, "SIGN_IN"),
                                        PageQuery.of(0, 10))
                                .items())
                .extracting(e -> e.actorLabel())
                .containsExactly("Former member");

        // Erasing again changes nothing and says so.
        assertThat(
                        mvc.post()
                                .uri("/api/v1/people/{id}/erase", eva.value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .exchange()
                                .getResponse()
                                .getContentAsString())
                .contains("\"erased\":false");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theErasePageAsksForConfirmationAndOnlyAdminsReachIt() {
        assertThat(
                        mvc.get()
                                .uri("/people/{id}/erase", eva.value())
                                .with(signedIn(org.id(), "olu@pd.test", Role.EMPLOYEE)))
                .hasStatus(403);
        assertThat(
                        mvc.post()
                                .uri("/people/{id}/erase", eva.value())
                                .with(signedIn(org.id(), "admin@pd.test", Role.ADMIN))
                                .with(csrf()))
                .hasStatus(422)
                .bodyText()
                .contains("Tick the box");
        assertThat(people.get(org.id(), eva).name()).isEqualTo(evaFirst + " " + evaLast);
        assertThat(
                        mvc.post()
                                .uri("/people/{id}/erase", eva.value())
                                .param("confirm", "true")
                                .with(signedIn(org.id(), "admin@pd.test", Role.ADMIN))
                                .with(csrf()))
                .hasRedirectedUrl("/people/" + eva.value());
        assertThat(people.get(org.id(), eva).name()).isEqualTo("Former member");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.get(field).asString()));
        return out;
    }

    /** Rows the pair's history and the program's figures are made of, per table. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table :
                List.of(
                        "mentorship",
                        "enrolment",
                        "goal",
                        "action_item",
                        "meeting",
                        "message",
                        "check_in_answer",
                        "engaged_pair")) {
            counts.put(
                    table, count("select count(*) from " + table + " where organisation_id = ?"));
        }
        return counts;
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(org.id().value()).query(Long.class).single();
    }

    /**
     * Every text column of every table, from the database's own metadata, that still holds Eva's
     * e-mail, first name or last name.
     */
    private List<String> traces() throws SQLException {
        Set<Integer> textTypes =
                Set.of(
                        Types.VARCHAR,
                        Types.CHAR,
                        Types.CLOB,
                        Types.LONGVARCHAR,
                        Types.NVARCHAR,
                        Types.NCHAR,
                        Types.NCLOB,
                        Types.LONGNVARCHAR);
        List<String[]> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    if (textTypes.contains(rs.getInt("DATA_TYPE"))) {
                        columns.add(
                                new String[] {
                                    rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")
                                });
                    }
                }
            }
        }
        assertThat(columns).hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            String sql =
                    "select count(*) from \""
                            + column[0]
                            + "\" where lower(cast(\""
                            + column[1]
                            + "\" as varchar)) like ? or lower(cast(\""
                            + column[1]
                            + "\" as varchar)) like ? or lower(cast(\""
                            + column[1]
                            + "\" as varchar)) like ?";
            long hits =
                    jdbc.sql(sql)
                            .params(
                                    "%" + evaEmail + "%",
                                    "%" + evaFirst.toLowerCase() + "%",
                                    "%" + evaLast.toLowerCase() + "%")
                            .query(Long.class)
                            .single();
            if (hits > 0) {
                found.add(column[0] + "." + column[1]);
            }
        }
        return found;
    }
}
