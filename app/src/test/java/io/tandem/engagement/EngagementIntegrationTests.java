package io.tandem.engagement;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import io.tandem.mentorships.EndReason;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.notifications.NotificationManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import io.tandem.shared.PageQuery;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A hand-built program whose figures are known: five pairs across divisions, one enrolled mentee
 * left unmatched, agreements, meetings, a goal, a completion and check-ins recorded through
 * engagement's API. The dashboard, the API, the CSVs and the pages must show exactly those figures
 * and nothing a pair wrote.
 */
@TandemIntegrationTest
class EngagementIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,division,location,function\n"
                    + "M1,m1@report.test,Maya,One,Eng,Berlin,Platform\n"
                    + "M2,m2@report.test,Milo,Two,Eng,Lisbon,Platform\n"
                    + "M3,m3@report.test,Mona,Three,Sales,Berlin,Field\n"
                    + "E1,e1@report.test,Ed,One,Eng,Berlin,Platform\n"
                    + "E2,e2@report.test,Eli,Two,Sales,Lisbon,Field\n"
                    + "E3,e3@report.test,Eva,Three,Sales,Berlin,Field\n"
                    + "E4,e4@report.test,Ezra,Four,Eng,Lisbon,Platform\n"
                    + "E5,e5@report.test,=HYPERLINK(\"http://evil.example\"),Five,Ops,Berlin,Support\n"
                    + "E6,e6@report.test,Emil,Six,Ops,Lisbon,Support\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired NotificationManagement notifications;
    @Autowired EngagementManagement engagement;
    @Autowired ProgramReports reports;

    TestOrganisation org;
    ProgramId program;
    List<MentorshipId> pairs = new ArrayList<>();

    @BeforeEach
    void aKnownProgram() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        program = programs.create(org.id(), ProgramDraft.of("Known", "CROSS_DIVISIONAL")).id();
        String[][] plan = {{"E1", "M1"}, {"E2", "M1"}, {"E3", "M2"}, {"E4", "M3"}, {"E5", "M3"}};
        for (int i = 0; i < plan.length; i++) {
            pairs.add(
                    TestPairs.start(
                            programs,
                            enrolling,
                            mentorships,
                            org.id(),
                            program,
                            find(plan[i][0]),
                            find(plan[i][1]),
                            10 * (i + 1)));
        }
        enrolling.enrol(org.id(), program, Enrol.of(find("E6"), EnrolmentRole.MENTEE));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> engagement.pairs(org.id(), program, null).size() == 5);

        var now = engagement.now();
        for (int i = 0; i < 3; i++) {
            engagement.record(
                    org.id(),
                    pairs.get(i),
                    ActivityKind.AGREEMENT_SIGNED,
                    pairs.get(i).value(),
                    now);
        }
        engagement.record(org.id(), pairs.get(0), ActivityKind.MEETING, UUID.randomUUID(), now);
        engagement.record(org.id(), pairs.get(1), ActivityKind.MEETING, UUID.randomUUID(), now);
        engagement.record(org.id(), pairs.get(1), ActivityKind.MEETING, UUID.randomUUID(), now);
        engagement.record(org.id(), pairs.get(2), ActivityKind.MESSAGE, UUID.randomUUID(), now);
        UUID goal =
                workspaces.addGoal(
                        org.id(),
                        pairs.get(0),
                        find("E1"),
                        new WorkspaceManagement.GoalDraft(
                                "Secret goal text",
                                "Secret measure",
                                LocalDate.now().plusDays(30),
                                null,
                                null));
        engagement.record(org.id(), pairs.get(0), ActivityKind.GOAL_ACHIEVED, goal, now);
        // Two check-ins: too few to show. The low one puts pair 2 at risk.
        engagement.answer(
                org.id(),
                pairs.get(1),
                find("E2"),
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(false, 2, 3, "Secret blocking words", false));
        engagement.answer(
                org.id(),
                pairs.get(2),
                find("E3"),
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 4, 4, "Shared: no room booked", true));
        workspaces.end(org.id(), pairs.get(0), null, EndReason.GOALS_MET);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> engagement.pairs(org.id(), program, null).size() == 4);
    }

    PersonId find(String code) {
        return TestPeople.id(people, org.id(), code);
    }

    RequestPostProcessor manager() {
        return signedIn(org.id(), "pm@report.test", Role.ADMIN);
    }

    @Test
    void theReportHasTheProgramsKnownFigures() {
        ProgramReport report = reports.report(org.id(), program);
        assertThat(report.funnel())
                .extracting(ProgramReport.Stage::count)
                .as("pair 3 met by its check-in's word")
                .containsExactly(6, 6, 5, 3, 3, 1, 1);
        assertThat(report.funnel())
                .extracting(ProgramReport.Stage::rate)
                .containsExactly(null, 100, 83, 60, 100, 33, 100);
        assertThat(report.healthNow())
                .isEqualTo(new ProgramReport.HealthDay(report.generatedOn(), 3, 1, 0));
        ProgramReport.Week thisWeek = report.activity().get(report.activity().size() - 1);
        // Three meetings held, one reported in a check-in; one message.
        assertThat(thisWeek.meetings()).isEqualTo(4);
        assertThat(thisWeek.messages()).isEqualTo(1);
        assertThat(report.activity()).hasSize(ProgramReports.WEEKS);
        assertThat(report.checkIns())
                .containsExactly(
                        new ProgramReport.Aggregate("usefulness", 2, null, null),
                        new ProgramReport.Aggregate("goalProgress", 2, null, null));
        assertThat(report.scores().stream().mapToInt(ProgramReport.Bucket::count).sum())
                .isEqualTo(5);
        assertThat(report.scores().get(0)).isEqualTo(new ProgramReport.Bucket("10–14", 1));
        // M1 has one active mentee left, M2 one, M3 two.
        assertThat(report.mentorLoad())
                .containsExactly(
                        new ProgramReport.Bucket("0", 0),
                        new ProgramReport.Bucket("1", 2),
                        new ProgramReport.Bucket("2", 1));

        // A third answer makes the aggregate appear: 2, 4 and 5 average 3.7.
        engagement.answer(
                org.id(),
                pairs.get(2),
                find("M2"),
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 5, 1, null, false));
        assertThat(reports.report(org.id(), program).checkIns())
                .containsExactly(
                        new ProgramReport.Aggregate("usefulness", 3, 3.7, List.of(0, 1, 0, 1, 1)),
                        new ProgramReport.Aggregate(
                                "goalProgress", 3, 2.7, List.of(1, 0, 1, 1, 0)));
    }

    @Test
    void theKnowledgeFlowMapCountsPairsAcrossDivisions() {
        KnowledgeFlow flow = reports.flow(org.id(), program, "division");
        assertThat(flow.mentors()).containsExactly("Eng", "Sales");
        assertThat(flow.mentees()).containsExactly("Eng", "Ops", "Sales");
        assertThat(flow.counts()).isDeepEqualTo(new int[][] {{1, 0, 2}, {1, 1, 0}});
        assertThat(flow.crossingPercent()).isEqualTo(80);
        assertThat(reports.flow(org.id(), program, "location").crossingPercent()).isEqualTo(60);
        assertThat(reports.flowPairs(org.id(), program, "division", "Eng", "Sales"))
                .extracting(KnowledgeFlow.FlowPair::mentee)
                .containsExactlyInAnyOrder("Eli Two", "Eva Three");
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}/knowledge-flow", program.value())
                                .param("dimension", "division")
                                .param("mentor", "Eng")
                                .param("mentee", "Sales")
                                .with(manager()))
                .hasStatusOk()
                .bodyText()
                .contains("80 % of the 5 pairs cross divisions")
                .contains("Eli Two")
                .contains("Eva Three")
                .doesNotContain("Secret");
    }

    @Test
    void theApiAnswersTheReportAsJsonAndCsvToManagersOnly() throws Exception {
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report", program.value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"programName\":\"Known\",\"funnel\":[{\"stage\":\"invited\",\"count\":6},"
                                + "{\"stage\":\"enrolled\",\"count\":6},{\"stage\":\"matched\",\"count\":5,\"rate\":83},"
                                + "{\"stage\":\"agreementSigned\",\"count\":3},{\"stage\":\"firstMeeting\",\"count\":3},"
                                + "{\"stage\":\"goalAchieved\",\"count\":1},{\"stage\":\"completed\",\"count\":1}]}");
        String csv =
                mvc.get()
                        .uri("/api/v1/programs/{id}/report.csv", program.value())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).values()).containsExactly("section", "item", "measure", "value");
        assertThat(records)
                .anySatisfy(
                        r ->
                                assertThat(r.values())
                                        .containsExactly("funnel", "completed", "people", "1"));
        String employee = organisations.token(org, Role.EMPLOYEE);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report", program.value())
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + employee))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report", program.value())
                                .header(HttpHeaders.AUTHORIZATION, organisations.create().bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void pairsCsvHasEveryPairWithItsPeopleAndHealthInThePagesOrder() {
        // What the export wrote before it streamed: the pairs as the API pages them, each with its
        // people's summaries and its health.
        var listed = mentorships.find(org.id(), program, null, PageQuery.of(0, 100)).items();
        var found = new java.util.HashMap<PersonId, io.tandem.people.PersonSummary>();
        listed.forEach(
                p -> found.putAll(people.findAll(org.id(), List.of(p.mentorId(), p.menteeId()))));
        var health = engagement.health(org.id(), program);
        List<List<?>> rows = new ArrayList<>();
        for (var p : listed) {
            var mentor = found.get(p.mentorId());
            var mentee = found.get(p.menteeId());
            rows.add(
                    java.util.Arrays.asList(
                            mentor.name(),
                            mentor.division(),
                            mentor.location(),
                            mentor.function(),
                            mentee.name(),
                            mentee.division(),
                            mentee.location(),
                            mentee.function(),
                            p.status().name(),
                            health.get(p.id()) == null ? null : health.get(p.id()).name(),
                            p.startedOn().toString(),
                            p.endedOn() == null ? null : p.endedOn().toString(),
                            p.score()));
        }
        java.io.StringWriter expected = new java.io.StringWriter();
        ReportCsv.write(expected, ProgramReports.PAIR_HEADER, rows);

        var response =
                mvc.get().uri("/programs/{id}/exports/pairs.csv", program.value()).with(manager());
        assertThat(response)
                .hasStatusOk()
                .hasContentType("text/csv;charset=UTF-8")
                .hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pairs.csv\"");
        assertThat(body("/programs/{id}/exports/pairs.csv")).isEqualTo(expected.toString());
        assertThat(parse(expected.toString())).hasSize(1 + 5);
    }

    @Test
    void exportsNeutraliseFormulasAndLeaveOutWhatPairsWrote() throws Exception {
        String pairsCsv = body("/programs/{id}/exports/pairs.csv");
        List<CSVRecord> rows = parse(pairsCsv);
        assertThat(rows.get(0).values())
                .containsExactly(ProgramReports.PAIR_HEADER.toArray(String[]::new));
        assertThat(rows).hasSize(6);
        assertThat(rows)
                .anySatisfy(
                        r ->
                                assertThat(r.get(4))
                                        .isEqualTo("'=HYPERLINK(\"http://evil.example\") Five"));
        String participants = body("/programs/{id}/exports/participants.csv");
        assertThat(parse(participants)).hasSize(1 + 3 + 6);
        assertThat(participants).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        for (String text :
                List.of(
                        pairsCsv,
                        participants,
                        body("/programs/{id}/exports/aggregates.csv"),
                        body("/programs/{id}/dashboard.csv"),
                        body("/programs/{id}/dashboard"),
                        body("/programs/{id}/report"),
                        body("/programs/{id}/engagement"))) {
            assertThat(text).doesNotContain("Secret");
        }
    }

    @Test
    void aManagerSeesWhyAPairIsAtRiskAndNudgesItInOneClick() {
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}/engagement", program.value())
                                .param("health", "AT_RISK")
                                .with(manager()))
                .hasStatusOk()
                .bodyText()
                .contains("<span>Maya One</span> → <span>Eli Two</span>")
                .contains("A recent check-in rated the meetings of little use.")
                .contains("Shared: no room booked")
                .doesNotContain("Secret blocking words")
                .doesNotContain("Milo Two");
        assertThat(
                        mvc.post()
                                .uri(
                                        "/programs/{id}/engagement/pairs/{m}/nudge",
                                        program.value(),
                                        pairs.get(1).value())
                                .param("text", "Could you two meet this week?")
                                .with(manager())
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(notifications.inbox(org.id(), "e2@report.test"))
                .anySatisfy(i -> assertThat(i.text()).isEqualTo("Could you two meet this week?"));
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}/engagement", program.value())
                                .with(signedIn(org.id(), "e2@report.test", Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void outcomesOverTimeCountEachMonthAndShowAveragesOverThreeAnswersOnly() throws Exception {
        java.time.YearMonth thisMonth =
                java.time.YearMonth.from(engagement.now().atZone(java.time.ZoneOffset.UTC));
        java.time.Instant lastMonth =
                thisMonth
                        .minusMonths(1)
                        .atDay(15)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
        engagement.record(
                org.id(), pairs.get(1), ActivityKind.GOAL_ACHIEVED, UUID.randomUUID(), lastMonth);
        engagement.record(
                org.id(), pairs.get(2), ActivityKind.MEETING, UUID.randomUUID(), lastMonth);
        engagement.record(
                org.id(), pairs.get(3), ActivityKind.MEETING, UUID.randomUUID(), lastMonth);
        String[] mentees = {"E2", "E3", "E4"};
        int[][] answers = {{5, 4, 1}, {4, 4, 2}, {3, 4, 3}};
        for (int i = 0; i < 3; i++) {
            engagement.answer(
                    org.id(),
                    pairs.get(i + 1),
                    find(mentees[i]),
                    CheckInKind.MIDPOINT,
                    CheckInAnswer.survey(answers[i][0], answers[i][1], answers[i][2]));
        }

        List<ProgramReport.Month> months = reports.report(org.id(), program).outcomes();
        assertThat(months).hasSize(ProgramReports.MONTHS);
        assertThat(months.get(11))
                .as("this month: one goal, three meetings held and one reported, two check-ins")
                .isEqualTo(
                        new ProgramReport.Month(
                                thisMonth.toString(), 1, 4, 2, null, null, 3, 4.0, 4.0, 2.0));
        assertThat(months.get(10))
                .isEqualTo(
                        new ProgramReport.Month(
                                thisMonth.minusMonths(1).toString(),
                                1,
                                2,
                                0,
                                null,
                                null,
                                0,
                                null,
                                null,
                                null));
        assertThat(months.subList(0, 10))
                .allSatisfy(
                        m -> {
                            assertThat(m.goalsAchieved() + m.meetingsHeld()).isZero();
                            assertThat(m.checkIns() + m.surveys()).isZero();
                        });

        // A third check-in this month shows its averages: 2, 4 and 5 average 3.7.
        engagement.answer(
                org.id(),
                pairs.get(2),
                find("M2"),
                CheckInKind.CHECK_IN,
                CheckInAnswer.checkIn(true, 5, 1, null, false));
        ProgramReport.Month now = reports.report(org.id(), program).outcomes().get(11);
        assertThat(now.usefulness()).isEqualTo(3.7);
        assertThat(now.goalProgress()).isEqualTo(2.7);

        // The same figures in the API, the CSV and the pages, never an individual's answer.
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report", program.value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.outcomes[11]")
                .isEqualTo(
                        java.util.Map.ofEntries(
                                java.util.Map.entry("month", thisMonth.toString()),
                                java.util.Map.entry("goalsAchieved", 1),
                                java.util.Map.entry("meetingsHeld", 4),
                                java.util.Map.entry("checkIns", 3),
                                java.util.Map.entry("usefulness", 3.7),
                                java.util.Map.entry("goalProgress", 2.7),
                                java.util.Map.entry("surveys", 3),
                                java.util.Map.entry("awareness", 4.0),
                                java.util.Map.entry("connection", 4.0),
                                java.util.Map.entry("ideas", 2.0)));
        List<CSVRecord> csv = parse(body("/programs/{id}/dashboard.csv?section=outcomes"));
        assertThat(csv)
                .anySatisfy(
                        r ->
                                assertThat(r.values())
                                        .containsExactly(
                                                "outcomes",
                                                thisMonth.minusMonths(1).toString(),
                                                "goals achieved",
                                                "1"));
        assertThat(csv)
                .anySatisfy(
                        r ->
                                assertThat(r.values())
                                        .containsExactly(
                                                "outcomes",
                                                thisMonth.toString(),
                                                "average awareness",
                                                "4.0"));
        assertThat(body("/programs/{id}/dashboard"))
                .containsPattern("Figures as of \\d\\d:\\d\\d UTC on \\d{4}-\\d\\d-\\d\\d\\.")
                .contains("Outcomes over time")
                .contains("<th scope=\"row\">" + thisMonth + "</th>");
        assertThat(
                        mvc.get()
                                .uri("/engagement")
                                .with(signedIn(org.id(), "admin@report.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("Goals achieved (12 months)")
                .contains("<td>2</td>")
                .contains("<td>6</td>")
                .contains("<td>3.7</td>");
    }

    @Test
    void adminsSeeEveryProgramsHealthOnOnePage() {
        assertThat(
                        mvc.get()
                                .uri("/engagement")
                                .with(signedIn(org.id(), "admin@report.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains(">Known</a>")
                .contains("/programs/" + program.value() + "/engagement?health=AT_RISK");
        assertThat(
                        mvc.get()
                                .uri("/engagement")
                                .with(signedIn(org.id(), "pm@report.test", Role.PROGRAM_MANAGER)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void rulesAreShownAndBadRulesAreRefusedInline() {
        assertThat(mvc.get().uri("/programs/{id}/engagement", program.value()).with(manager()))
                .hasStatusOk()
                .bodyText()
                .contains("At risk after days without activity")
                .contains("Default: 21");
        assertThat(
                        mvc.post()
                                .uri("/programs/{id}/engagement/rules", program.value())
                                .param("meetingSlackPercent", "150")
                                .param("atRiskAfterDays", "30")
                                .param("inactiveAfterDays", "20")
                                .param("lowRating", "2")
                                .param("nudgeIntervalDays", "7")
                                .param("warnAfterDays", "60")
                                .param("closeAfterDays", "14")
                                .with(manager())
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("must be more days than");
        assertThat(engagement.rules(org.id(), program)).isEqualTo(EngagementRules.DEFAULTS);
    }

    @Test
    void aPersonAnswersTheirCheckInOnTheirOwnPage() {
        RequestPostProcessor eli = signedIn(org.id(), "e4@report.test", Role.EMPLOYEE);
        assertThat(mvc.get().uri("/mentorships/{id}", pairs.get(3).value()).with(eli))
                .hasStatusOk()
                .bodyText()
                .contains("Answer now (a minute)")
                .contains("/mentorships/" + pairs.get(3).value() + "/check-in?kind=CHECK_IN");
        assertThat(mvc.get().uri("/mentorships/{id}/check-in", pairs.get(3).value()).with(eli))
                .hasStatusOk()
                .bodyText()
                .contains("Did you meet since the last check-in?");
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/check-in", pairs.get(3).value())
                                .param("met", "true")
                                .with(eli)
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("must be a whole number from 1 to 5");
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/check-in", pairs.get(3).value())
                                .param("met", "true")
                                .param("usefulness", "4")
                                .param("goalProgress", "3")
                                .with(eli)
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(
                        engagement
                                .due(org.id(), pairs.get(3), find("E4"), CheckInKind.CHECK_IN)
                                .answered())
                .isTrue();
        // The same answer again (a second tab, a double click): back to the form, told why.
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/check-in", pairs.get(3).value())
                                .param("kind", "CHECK_IN")
                                .param("met", "true")
                                .param("usefulness", "2")
                                .param("goalProgress", "2")
                                .with(eli)
                                .with(csrf()))
                .hasRedirectedUrl(
                        "/mentorships/" + pairs.get(3).value() + "/check-in?kind=CHECK_IN")
                .flash()
                .containsEntry(
                        "problem",
                        "You have already answered this one. The next one comes on the program\u2019s"
                                + " cadence.");
        assertThat(
                        mvc.get()
                                .uri("/mentorships/{id}/check-in", pairs.get(3).value())
                                .with(signedIn(org.id(), "e6@report.test", Role.EMPLOYEE)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private String body(String path) {
        try {
            return mvc.get()
                    .uri(path, program.value())
                    .with(manager())
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
