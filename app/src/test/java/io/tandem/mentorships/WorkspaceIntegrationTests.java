package io.tandem.mentorships;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.TestPeople;
import io.tandem.identity.Role;
import io.tandem.mentorships.WorkspaceManagement.AgreementDraft;
import io.tandem.mentorships.WorkspaceManagement.GoalDraft;
import io.tandem.mentorships.WorkspaceManagement.SurveyAnswer;
import io.tandem.messaging.MessagingManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentView;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.NotFound;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pair's workspace through its pages, its API and its module API: who may see what, every rule
 * on input, optimistic versions, events, and the ways a mentorship ends.
 */
@TandemIntegrationTest
@RecordApplicationEvents
class WorkspaceIntegrationTests {

    /** Mia mentors Eva across divisions and time zones; Olu is a colleague; Pat runs programs. */
    static final String PEOPLE =
            "employee_id,email,first_name,last_name,title,level,division,function,location,time_zone,work_mode,languages,skills\n"
                    + "M1,mia@ws.test,Mia,Mentor,Engineering lead,7,Digital,Engineering,Berlin,Europe/Berlin,HOME_OFFICE,English;German,Java;Leadership\n"
                    + "E1,eva@ws.test,Eva,Early,Sales rep,3,Retail,Sales,New York,America/New_York,FIELD,English,Negotiation\n"
                    + "O1,olu@ws.test,Olu,Other,Analyst,3,Finance,Finance,London,Europe/London,HOME_OFFICE,English,Excel\n"
                    + "P1,pat@ws.test,Pat,Manager,HR partner,6,Corp,HR,London,Europe/London,HOME_OFFICE,English,Coaching\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired io.tandem.programs.ProgramAccess access;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired MessagingManagement messaging;

    TestOrganisation org;
    ProgramView program;
    Map<String, PersonId> ids = new HashMap<>();
    MentorshipId pair;

    @BeforeEach
    void aPairAcrossDivisionsAndTimeZones() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        for (String code : List.of("M1", "E1", "O1", "P1")) {
            ids.put(code, TestPeople.id(people, org.id(), code));
        }
        program = programs.create(org.id(), ProgramDraft.of("Across", "CROSS_DIVISIONAL"));
        // Pat manages this program (a program manager manages only the programs assigned).
        access.assign(org.id(), program.id(), ids.get("P1"));
        pair = start(program, "M1", "E1");
    }

    MentorshipId start(ProgramView in, String mentor, String mentee) {
        return TestPairs.start(
                programs,
                enrolling,
                mentorships,
                org.id(),
                in.id(),
                ids.get(mentee),
                ids.get(mentor),
                50);
    }

    /** The enrolment that starting the pair made for this mentee. */
    EnrolmentView menteeEnrolment(String code) {
        return enrolling.enrolmentsOf(org.id(), ids.get(code)).stream()
                .filter(e -> e.programId().equals(program.id()))
                .filter(e -> e.role() == EnrolmentRole.MENTEE)
                .findFirst()
                .orElseThrow();
    }

    RequestPostProcessor as(String code) {
        String email = emailOf(code);
        Role role = code.equals("P1") ? Role.PROGRAM_MANAGER : Role.EMPLOYEE;
        return signedIn(org.id(), email, role);
    }

    static String emailOf(String code) {
        return Map.of(
                        "M1",
                        "mia@ws.test",
                        "E1",
                        "eva@ws.test",
                        "O1",
                        "olu@ws.test",
                        "P1",
                        "pat@ws.test")
                .get(code);
    }

    /** Moves the pair's start (and so "today" relative to it) into the past. */
    void startedDaysAgo(MentorshipId id, int days) {
        jdbc.sql("update mentorship set started_on = ? where id = ?")
                .params(Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(days)), id.value())
                .update();
    }

    static List<String> fields(Throwable e) {
        return ((InvalidInputException) e).errors().stream().map(InputError::field).toList();
    }

    GoalDraft goal(String title, LocalDate target) {
        return new GoalDraft(title, "Two talks given", target, null, null);
    }

    @Test
    void bothPeopleSeeTheirWorkspaceWithThePartnerCard() {
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("E1")))
                .hasStatusOk()
                .bodyText()
                .contains("Mentorship with Mia Mentor")
                .contains("Engineering lead")
                .contains("Digital")
                .contains("Berlin")
                .contains("English, German")
                .contains("Europe/Berlin")
                // Berlin 09–17 and New York 09–17 overlap 15:00–17:00 Berlin time, five days a
                // week (three hours a day in the weeks when only one side has changed clocks).
                .containsAnyOf("10.0 h a week", "15.0 h a week")
                .contains("Across");
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("Mentorship with Eva Early")
                .contains("America/New_York");
        assertThat(mvc.get().uri("/mentorships").with(as("E1")))
                .hasStatusOk()
                .bodyText()
                .contains("/mentorships/" + pair);
    }

    @Test
    void theWorkspaceWrittenWholeInJavaHasTheLayoutOfEveryOtherPage() throws Exception {
        // An ordinary view is written in Java (web.WrittenPages); the agreement page, and the
        // workspace itself after a refused form, come through their templates and the layout.
        String written = page(mvc.get().uri("/mentorships/{id}", pair).with(as("E1")));
        String agreement = page(mvc.get().uri("/mentorships/{id}/agreement", pair).with(as("E1")));
        var refused =
                mvc.post()
                        .uri("/mentorships/{id}/goals", pair)
                        .with(as("E1"))
                        .with(csrf())
                        .header("Accept-Language", "de-DE")
                        .param("title", "")
                        .exchange();
        assertThat(refused).hasStatus(422);
        String templated = refused.getResponse().getContentAsString();

        assertThat(written).doesNotContain("??").startsWith("<!DOCTYPE html>");
        assertThat(layout(written)).isEqualTo(layout(agreement)).isEqualTo(layout(templated));
        assertThat(title(written)).isEqualTo(title(templated)).contains("Mia Mentor");
        // The same main element, less what only the refused view shows (the error, the form).
        String main = main(written);
        assertThat(main)
                .startsWith("<main id=\"main\" class=\"container workspace\" tabindex=\"-1\">")
                .contains("Mentorship with Mia Mentor", "Engineering lead", "Across")
                .contains("id=\"goals-heading\"", "id=\"timeline-heading\"", "/conversations/");
        // The way back, heading, summary and hint, then the partner card: the same markup.
        String intro =
                main.substring(main.indexOf("<p"), main.indexOf("<div class=\"workspace-grid\">"));
        String partner = main.substring(main.indexOf("<aside"), main.indexOf("</aside>"));
        assertThat(main(templated)).contains(intro.strip()).contains(partner);
        assertThat(partner).contains("Engineering lead");
    }

    private static String page(MockMvcTester.MockMvcRequestBuilder request) throws Exception {
        var result = request.header("Accept-Language", "de-DE").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Content-Language")).isEqualTo("de-DE");
        return result.getResponse().getContentAsString();
    }

    /** The page outside its title and main element, the request's CSRF token left out. */
    private static String layout(String page) {
        return page.replaceAll("(?s)<title>.*</title>", "<title/>")
                .replaceAll("(?s)<main .*</main>", "<main/>")
                .replaceAll("(name=\"csrf-token\" content=|name=\"_csrf\" value=)\"[^\"]*\"", "$1");
    }

    private static String title(String page) {
        return page.replaceAll("(?s).*<title>(.*)</title>.*", "$1");
    }

    private static String main(String page) {
        return page.replaceAll("(?s).*(<main .*</main>).*", "$1");
    }

    @Test
    void anyoneOutsideThePairGets404OnEveryContentRoute() {
        UUID goal = workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Speak", today()));
        UUID milestone =
                workspaces.addMilestone(org.id(), pair, ids.get("E1"), goal, "First", today());
        UUID action =
                workspaces.addActionItem(
                        org.id(), pair, ids.get("E1"), "Read", ids.get("M1"), null);
        List<String> reads =
                List.of(
                        "/mentorships/" + pair,
                        "/mentorships/" + pair + "/agreement",
                        "/mentorships/" + pair + "/goals/" + goal,
                        "/mentorships/" + pair + "/end",
                        "/mentorships/" + pair + "/survey");
        List<String> writes =
                List.of(
                        "/mentorships/" + pair + "/agreement",
                        "/mentorships/" + pair + "/agreement/sign?version=1",
                        "/mentorships/" + pair + "/goals",
                        "/mentorships/" + pair + "/goals/adopt?suggestion=0",
                        "/mentorships/" + pair + "/goals/" + goal,
                        "/mentorships/" + pair + "/goals/" + goal + "/progress",
                        "/mentorships/" + pair + "/goals/" + goal + "/milestones",
                        "/mentorships/" + pair + "/milestones/" + milestone + "/met",
                        "/mentorships/" + pair + "/actions",
                        "/mentorships/" + pair + "/actions/" + action + "/done",
                        "/mentorships/" + pair + "/notes",
                        "/mentorships/" + pair + "/end",
                        "/mentorships/" + pair + "/survey",
                        "/mentorships/" + pair + "/extend");
        for (String outsider : List.of("P1", "O1")) {
            for (String path : reads) {
                assertThat(mvc.get().uri(path).with(as(outsider)))
                        .as("GET %s as %s", path, outsider)
                        .hasStatus(HttpStatus.NOT_FOUND);
            }
            for (String path : writes) {
                assertThat(
                                mvc.post()
                                        .uri(path)
                                        .param("title", "x")
                                        .param("body", "x")
                                        .with(as(outsider))
                                        .with(csrf()))
                        .as("POST %s as %s", path, outsider)
                        .hasStatus(HttpStatus.NOT_FOUND);
            }
        }
        // An admin of the organisation is no different.
        assertThat(
                        mvc.get()
                                .uri("/mentorships/{id}", pair)
                                .with(signedIn(org.id(), "pat@ws.test", Role.ADMIN)))
                .hasStatus(HttpStatus.NOT_FOUND);
        // Nothing was written by the refused posts.
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).notes()).isEmpty();
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).goals()).hasSize(1);
    }

    @Test
    void theMenteeDraftsBothSignAndAChangeAsksBothToSignAgain() {
        workspaces.saveAgreement(
                org.id(),
                pair,
                ids.get("E1"),
                new AgreementDraft(
                        "Terms", "Learn to lead", "Fortnightly", "Private", "6 months", 0));
        WorkspaceView.Agreement draft =
                workspaces.workspace(org.id(), pair, ids.get("M1")).agreement();
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.updatedBy()).isEqualTo(ids.get("E1"));
        assertThat(draft.signed()).isFalse();

        workspaces.sign(org.id(), pair, ids.get("M1"), 1);
        assertThat(events.stream(AgreementSigned.class)).isEmpty();
        workspaces.sign(org.id(), pair, ids.get("E1"), 1);
        WorkspaceView.Agreement signed =
                workspaces.workspace(org.id(), pair, ids.get("E1")).agreement();
        assertThat(signed.signed()).isTrue();
        assertThat(signed.mentorSignedAt()).isNotNull();
        assertThat(signed.menteeSignedAt()).isNotNull();
        assertThat(events.stream(AgreementSigned.class))
                .containsExactly(new AgreementSigned(org.id(), pair, program.id()));
        assertThat(workspaces.details(org.id(), pair).agreement().signed()).isTrue();

        // Mia edits the signed version: both must sign again.
        workspaces.saveAgreement(
                org.id(),
                pair,
                ids.get("M1"),
                new AgreementDraft("Terms", "Learn to lead", "Weekly", "Private", "6 months", 1));
        WorkspaceView.Agreement changed =
                workspaces.workspace(org.id(), pair, ids.get("E1")).agreement();
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.mentorSignedAt()).isNull();
        assertThat(changed.menteeSignedAt()).isNull();

        // Eva still has version 1 open: her save, and her signature of it, are refused.
        assertThatThrownBy(
                        () ->
                                workspaces.saveAgreement(
                                        org.id(),
                                        pair,
                                        ids.get("E1"),
                                        new AgreementDraft("T", "E", "M", "C", "D", 1)))
                .isInstanceOf(Conflict.class)
                .hasMessage("workspace.changed-meanwhile");
        assertThatThrownBy(() -> workspaces.sign(org.id(), pair, ids.get("E1"), 1))
                .isInstanceOf(Conflict.class);
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).agreement().meetings())
                .isEqualTo("Weekly");
    }

    @Test
    void theAgreementPageNamesEachEmptyOrOverlongField() {
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/agreement", pair)
                                .param("terms", "Terms")
                                .param("expectations", "")
                                .param("meetings", "x".repeat(10_001))
                                .param("confidentiality", "Private")
                                .param("duration", "6 months")
                                .param("version", "0")
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("agreement-expectations-error")
                .contains("agreement-meetings-error")
                .contains("must not be empty")
                .contains("must be at most 10,000 characters")
                .doesNotContain("agreement-terms-error");
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).agreement().saved())
                .isFalse();
    }

    @Test
    void goalsRefuseBadInputAndASecondStaleSaveGets409() {
        assertThatThrownBy(
                        () ->
                                workspaces.addGoal(
                                        org.id(),
                                        pair,
                                        ids.get("E1"),
                                        new GoalDraft(
                                                " ",
                                                "x".repeat(10_001),
                                                today().minusDays(1),
                                                "Cooking",
                                                null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(
                        e ->
                                assertThat(fields(e))
                                        .containsExactly("title", "measure", "targetOn", "skill"));
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).goals()).isEmpty();

        UUID goal = workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Speak", today()));
        WorkspaceView.GoalLine seen =
                workspaces.workspace(org.id(), pair, ids.get("M1")).goals().get(0);
        workspaces.editGoal(
                org.id(),
                pair,
                ids.get("E1"),
                goal,
                new GoalDraft(
                        "Speak at two events", "Talks", today(), null, GoalStatus.IN_PROGRESS),
                seen.version());
        assertThatThrownBy(
                        () ->
                                workspaces.editGoal(
                                        org.id(),
                                        pair,
                                        ids.get("M1"),
                                        goal,
                                        goal("Mia's version", today()),
                                        seen.version()))
                .isInstanceOf(Conflict.class);
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/goals/{goal}", pair, goal)
                                .param("title", "Mia's version")
                                .param("measure", "Talks")
                                .param("targetOn", today().toString())
                                .param("status", "IN_PROGRESS")
                                .param("version", String.valueOf(seen.version()))
                                .with(as("M1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyText()
                .contains("Changed by your partner meanwhile");
        assertThat(workspaces.workspace(org.id(), pair, ids.get("M1")).goals().get(0).title())
                .isEqualTo("Speak at two events");

        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/goals", pair)
                                .param("title", "Later")
                                .param("measure", "m")
                                .param("targetOn", today().minusDays(3).toString())
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("goal-target-error")
                .contains("must not be before the mentorship started");
    }

    @Test
    void progressIsDatedHistoryAndAHundredPercentAchievesTheGoal() {
        UUID goal = workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Speak", today()));
        workspaces.recordProgress(org.id(), pair, ids.get("E1"), goal, 40, "First talk", 1);
        assertThatThrownBy(
                        () ->
                                workspaces.recordProgress(
                                        org.id(), pair, ids.get("M1"), goal, 101, "", 2))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("percent", "comment"));
        workspaces.recordProgress(org.id(), pair, ids.get("M1"), goal, 100, "Second talk", 2);

        WorkspaceView.GoalLine done =
                workspaces.workspace(org.id(), pair, ids.get("E1")).goals().get(0);
        assertThat(done.status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(workspaces.progress(org.id(), pair, ids.get("E1"), goal))
                .extracting(WorkspaceView.ProgressUpdate::percent)
                .containsExactly(100, 40);
        assertThat(events.stream(GoalAchieved.class))
                .containsExactly(new GoalAchieved(org.id(), pair, goal));
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).timeline())
                .extracting(WorkspaceView.TimelineEntry::kind)
                .containsExactly("GOAL_ACHIEVED", "GOAL_CREATED");
    }

    @Test
    void overdueMilestonesAndActionItemsStandOut() {
        startedDaysAgo(pair, 30);
        UUID goal = workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Speak", today()));
        UUID late =
                workspaces.addMilestone(
                        org.id(), pair, ids.get("E1"), goal, "Outline", today().minusDays(5));
        workspaces.addMilestone(
                org.id(), pair, ids.get("E1"), goal, "Rehearse", today().plusDays(5));
        workspaces.addActionItem(
                org.id(), pair, ids.get("E1"), "Send slides", ids.get("M1"), today().minusDays(1));
        UUID tick =
                workspaces.addActionItem(
                        org.id(), pair, ids.get("M1"), "Book room", ids.get("E1"), null);
        assertThatThrownBy(
                        () ->
                                workspaces.addActionItem(
                                        org.id(), pair, ids.get("M1"), "x", ids.get("O1"), null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("assignee"));

        WorkspaceView view = workspaces.workspace(org.id(), pair, ids.get("E1"));
        assertThat(view.overdueMilestones()).isEqualTo(1);
        assertThat(view.openActionItems())
                .filteredOn(a -> a.overdue(view.today()))
                .extracting(WorkspaceView.ActionItem::title)
                .containsExactly("Send slides");
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("E1")))
                .hasStatusOk()
                .bodyText()
                .contains("1 milestone is overdue")
                .contains("Overdue");

        workspaces.completeActionItem(org.id(), pair, ids.get("E1"), tick);
        workspaces.completeActionItem(org.id(), pair, ids.get("E1"), tick);
        workspaces.meetMilestone(org.id(), pair, ids.get("M1"), late);
        WorkspaceView after = workspaces.workspace(org.id(), pair, ids.get("M1"));
        assertThat(after.doneActionItems()).extracting(a -> a.title()).containsExactly("Book room");
        assertThat(after.overdueMilestones()).isZero();
        assertThat(after.timeline())
                .extracting(e -> e.kind() + ":" + e.subject())
                .containsExactly(
                        "MILESTONE_MET:Outline", "ACTION_DONE:Book room", "GOAL_CREATED:Speak");
        MentorshipDetails details = workspaces.details(org.id(), pair);
        assertThat(details.actionItems()).isEqualTo(new MentorshipDetails.ActionCounts(1, 1, 1));
        assertThat(details.goals().get(0).milestonesMet()).isEqualTo(1);
    }

    @Test
    void theWorkspaceShowsEachGoalAsOneLineAndItsMilestonesOnTheGoalsPage() {
        startedDaysAgo(pair, 30);
        UUID goal = workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Speak", today()));
        UUID outline =
                workspaces.addMilestone(
                        org.id(), pair, ids.get("E1"), goal, "Outline", today().minusDays(5));
        workspaces.addMilestone(
                org.id(), pair, ids.get("E1"), goal, "Rehearse", today().minusDays(2));
        workspaces.addMilestone(
                org.id(), pair, ids.get("E1"), goal, "Present", today().plusDays(5));
        workspaces.meetMilestone(org.id(), pair, ids.get("M1"), outline);
        workspaces.recordProgress(org.id(), pair, ids.get("E1"), goal, 30, "Outline done", 1);
        workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Read", today().plusDays(9)));

        WorkspaceView view = workspaces.workspace(org.id(), pair, ids.get("M1"));
        assertThat(view.goals())
                .extracting(
                        WorkspaceView.GoalLine::title,
                        WorkspaceView.GoalLine::progress,
                        WorkspaceView.GoalLine::milestones,
                        WorkspaceView.GoalLine::milestonesMet,
                        WorkspaceView.GoalLine::milestonesOverdue)
                .containsExactly(
                        Tuple.tuple("Speak", 30, 3, 1, 1), Tuple.tuple("Read", 0, 0, 0, 0));
        assertThat(view.overdueMilestones()).isEqualTo(1);
        // The summary line: progress, milestones counted, overdue marked; no milestone listed.
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("30 % done")
                .contains("1 of 3 milestones met")
                .contains("No milestones")
                .contains("1 milestone is overdue")
                .contains("/mentorships/" + pair.value() + "/goals/" + goal)
                .doesNotContain("Rehearse")
                .doesNotContain("Outline done");
        // The goal's page lists its milestones and the dated updates, with the forms.
        assertThat(mvc.get().uri("/mentorships/{id}/goals/{goal}", pair, goal).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("Outline")
                .contains("Rehearse")
                .contains("Present")
                .contains("Outline done")
                .contains("Mark met: Rehearse");
        // Another pair's goal is not found through this pair.
        MentorshipId other =
                start(
                        programs.create(org.id(), ProgramDraft.of("Second", "CROSS_DIVISIONAL")),
                        "O1",
                        "E1");
        UUID theirs = workspaces.addGoal(org.id(), other, ids.get("E1"), goal("Theirs", today()));
        assertThat(mvc.get().uri("/mentorships/{id}/goals/{goal}", pair, theirs).with(as("M1")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void notesAndActionItemsShowTheLatestFewWithAWayToAll() {
        int more = WorkspaceManagement.LIST_LENGTH + 3;
        for (int i = 0; i < more; i++) {
            workspaces.addNote(org.id(), pair, ids.get("E1"), "Note number " + i, true);
            workspaces.addActionItem(
                    org.id(), pair, ids.get("E1"), "Action number " + i, ids.get("M1"), null);
        }
        WorkspaceView view = workspaces.workspace(org.id(), pair, ids.get("M1"));
        assertThat(view.notes()).hasSize(WorkspaceManagement.LIST_LENGTH);
        assertThat(view.notesTotal()).isEqualTo(more);
        assertThat(view.actionItems()).hasSize(WorkspaceManagement.LIST_LENGTH);
        assertThat(view.actionItemsTotal()).isEqualTo(more);
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("Show all " + more + " notes")
                .contains("Show all " + more + " action items");
        assertThat(mvc.get().uri("/mentorships/{id}", pair).param("all", "true").with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("Note number 0")
                .contains("Note number " + (more - 1))
                .contains("Action number 0")
                .contains("Action number " + (more - 1))
                .doesNotContain("Show all");
    }

    @Test
    void adoptsASuggestedGoalInOneClick() {
        assertThat(program.suggestedGoals()).isNotEmpty();
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/goals/adopt", pair)
                                .param("suggestion", "0")
                                .with(as("M1"))
                                .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).goals())
                .extracting(WorkspaceView.GoalLine::title)
                .containsExactly(program.suggestedGoals().get(0));
    }

    @Test
    void privateNotesStayWithTheirAuthorAndMarkdownCannotInjectHtml() {
        workspaces.addNote(
                org.id(),
                pair,
                ids.get("E1"),
                "**Plan** <script>alert(1)</script> [x](javascript:alert(2))",
                true);
        workspaces.addNote(org.id(), pair, ids.get("E1"), "Only for me", false);
        assertThatThrownBy(() -> workspaces.addNote(org.id(), pair, ids.get("E1"), "", true))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("body"));

        assertThat(workspaces.workspace(org.id(), pair, ids.get("E1")).notes()).hasSize(2);
        List<WorkspaceView.Note> hers = workspaces.workspace(org.id(), pair, ids.get("M1")).notes();
        assertThat(hers).hasSize(1);
        assertThat(hers.get(0).html())
                .contains("<strong>Plan</strong>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("javascript:");
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Only for me")
                .doesNotContain("<script>alert");
        assertThat(workspaces.details(org.id(), pair).sharedNotes()).isEqualTo(1);
    }

    @Test
    void theApiShowsMetadataOnlyUnlessTheProgramSharesGoals() {
        workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("Secret ambition", today()));
        workspaces.addNote(org.id(), pair, ids.get("E1"), "Secret note", true);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains("\"progress\":0")
                .contains("\"sharedNotes\":1")
                .contains("\"sharesGoals\":false")
                .doesNotContain("Secret");

        assertThat(
                        mvc.put()
                                .uri("/api/v1/programs/{id}/goal-sharing", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"shareGoals\":true}"))
                .hasStatusOk();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains("Secret ambition")
                .doesNotContain("Secret note");
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("M1")))
                .bodyText()
                .contains("This program shares your goals");

        TestOrganisation other = organisations.create();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}", pair)
                                .header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/mentorships/{id}/end", pair)
                                .header(HttpHeaders.AUTHORIZATION, other.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"OTHER\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        String employee = organisations.token(org, Role.EMPLOYEE);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships/{id}", pair)
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + employee))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aProgramManagerEndsAMentorshipFromAPageWithAReasonAndItIsAudited() {
        MentorshipId other = start(program, "O1", "P1");
        String list = "/programs/" + program.id() + "/mentorships";
        String confirm = list + "/" + pair + "/end";
        assertThat(mvc.get().uri(list).with(as("P1")))
                .hasStatusOk()
                .bodyText()
                .contains("Mia Mentor")
                .contains("Eva Early")
                .contains("End the mentorship of Mia Mentor and Eva Early");
        assertThat(mvc.get().uri(confirm).with(as("P1")))
                .hasStatusOk()
                .bodyText()
                .contains("End the mentorship of Mia Mentor and Eva Early?")
                .contains("Planned end")
                .contains("Goals met");
        // Employees, even one of the pair, get no manager's page; another program's address 404s.
        assertThat(mvc.get().uri(confirm).with(as("E1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(confirm).param("reason", "GOALS_MET").with(as("M1")).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        ProgramView elsewhere =
                programs.create(org.id(), ProgramDraft.of("Else", "CROSS_DIVISIONAL"));
        assertThat(
                        mvc.get()
                                .uri(
                                        "/programs/"
                                                + elsewhere.id()
                                                + "/mentorships/"
                                                + pair
                                                + "/end")
                                .with(as("P1")))
                .hasStatus(HttpStatus.NOT_FOUND);

        // No reason, or one only the system gives: refused on the page, naming it, nothing ended.
        for (String reason : new String[] {null, "INACTIVE", "BORED"}) {
            var post = mvc.post().uri(confirm).with(as("P1")).with(csrf());
            if (reason != null) {
                post = post.param("reason", reason);
            }
            assertThat(post)
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                    .bodyText()
                    .contains("Choose why the mentorship ends.");
        }
        assertThat(workspaces.details(org.id(), pair).status()).isEqualTo(MentorshipStatus.ACTIVE);
        assertThat(events.stream(MentorshipEnded.class)).isEmpty();

        assertThat(
                        mvc.post()
                                .uri(confirm)
                                .param("reason", "NOT_A_GOOD_FIT")
                                .with(as("P1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl(list);
        MentorshipDetails ended = workspaces.details(org.id(), pair);
        assertThat(ended.status()).isEqualTo(MentorshipStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.NOT_A_GOOD_FIT);
        assertThat(workspaces.details(org.id(), other).status()).isEqualTo(MentorshipStatus.ACTIVE);
        assertThat(events.stream(MentorshipEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.endedBy()).isNull());
        assertThat(
                        jdbc.sql(
                                        "select detail from audit_entry where organisation_id = ?"
                                                + " and action = 'MENTORSHIP_ENDED' and target_id = ?")
                                .params(org.id().value(), pair.value().toString())
                                .query(String.class)
                                .list())
                .containsExactly("reason=NOT_A_GOOD_FIT");

        // Pressed again (a second tab, a double submit): 409 on the page, nothing ended twice.
        assertThat(mvc.post().uri(confirm).param("reason", "OTHER").with(as("P1")).with(csrf()))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyText()
                .doesNotContain("End this mentorship");
        assertThat(events.stream(MentorshipEnded.class)).hasSize(1);
        assertThat(mvc.get().uri(list).with(as("P1")))
                .hasStatusOk()
                .bodyText()
                .contains("Ended on " + today())
                .doesNotContain("End the mentorship of Mia Mentor and Eva Early");
    }

    @Test
    void managersAdminsAndTokensSeeThatMessagesExistButNeverTheirText() {
        UUID conversation = messaging.conversationOf(org.id(), pair, ids.get("E1"));
        messaging.post(
                org.id(),
                conversation,
                ids.get("E1"),
                UUID.randomUUID(),
                "Secret: I am thinking of leaving my team");
        messaging.post(
                org.id(), conversation, ids.get("M1"), UUID.randomUUID(), "Secret reply from Mia");

        // The pair reads it; anyone else, whatever their role, finds no conversation at all.
        assertThat(mvc.get().uri("/conversations/{id}", conversation).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .contains("Secret: I am thinking of leaving my team");
        List<RequestPostProcessor> outsiders =
                List.of(as("P1"), as("O1"), signedIn(org.id(), "pat@ws.test", Role.ADMIN));
        for (RequestPostProcessor outsider : outsiders) {
            for (String path :
                    List.of(
                            "/mentorships/" + pair + "/conversation",
                            "/conversations/" + conversation,
                            "/conversations/" + conversation + "/stream")) {
                assertThat(mvc.get().uri(path).with(outsider))
                        .as("GET %s", path)
                        .hasStatus(HttpStatus.NOT_FOUND);
            }
            assertThat(
                            mvc.post()
                                    .uri("/conversations/{id}/messages", conversation)
                                    .param("text", "Let me in")
                                    .with(outsider)
                                    .with(csrf()))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/conversations").with(outsider))
                    .bodyText()
                    .doesNotContain("Secret");
        }
        for (String path :
                List.of(
                        "/api/v1/conversations/" + conversation + "/messages",
                        "/api/v1/conversations/" + conversation + "/stream")) {
            assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, org.bearer()))
                    .as("GET %s with the admin token", path)
                    .hasStatus(HttpStatus.NOT_FOUND);
        }

        // What they do see: that two messages were sent this week, in the report and the pages.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                mvc.get()
                                                        .uri(
                                                                "/api/v1/programs/{id}/report",
                                                                program.id())
                                                        .header(
                                                                HttpHeaders.AUTHORIZATION,
                                                                org.bearer()))
                                        .hasStatusOk()
                                        .bodyText()
                                        .contains("\"messages\":2")
                                        .doesNotContain("Secret"));
        for (String path :
                List.of(
                        "/api/v1/mentorships/" + pair,
                        "/api/v1/programs/" + program.id() + "/report.csv")) {
            assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, org.bearer()))
                    .hasStatusOk()
                    .bodyText()
                    .doesNotContain("Secret");
        }
        for (String path :
                List.of(
                        "/programs/" + program.id() + "/dashboard",
                        "/programs/" + program.id() + "/engagement",
                        "/programs/" + program.id() + "/exports/pairs.csv",
                        "/messaging/reports")) {
            assertThat(mvc.get().uri(path).with(as("P1")))
                    .as("GET %s as the program manager", path)
                    .hasStatusOk()
                    .bodyText()
                    .doesNotContain("Secret");
        }
    }

    @Test
    void theApiEndsAMentorshipOnceAndTheListShowsWhen() {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/mentorships/{id}/end", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"BORED\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/mentorships/{id}/end", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"goals_met\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("COMPLETED");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/mentorships/{id}/end", pair)
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"OTHER\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/mentorships?programId={p}", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].endedOn")
                .isEqualTo(today().toString());
        assertThat(events.stream(MentorshipEnded.class))
                .containsExactly(
                        new MentorshipEnded(
                                org.id(),
                                pair,
                                program.id(),
                                ids.get("M1"),
                                ids.get("E1"),
                                EndReason.GOALS_MET,
                                null));
        // The workspace can still be read, but not changed.
        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("E1"))).hasStatusOk();
        assertThatThrownBy(
                        () -> workspaces.addGoal(org.id(), pair, ids.get("E1"), goal("x", today())))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void surveysAreBlindAndManagersSeeAveragesOnlyOverThreeAnswers() {
        assertThatThrownBy(
                        () ->
                                workspaces.answerSurvey(
                                        org.id(),
                                        pair,
                                        ids.get("E1"),
                                        new SurveyAnswer("a", 4, 4, true)))
                .isInstanceOf(Conflict.class);
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/end", pair)
                                .param("reason", "NOT_A_GOOD_FIT")
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(
                        mvc.post()
                                .uri("/mentorships/{id}/survey", pair)
                                .param("achieved", "")
                                .param("partnershipRating", "6")
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("survey-achieved-error")
                .contains("partnershipRating-error")
                .contains("partnerRating-error")
                .contains("again-error");
        workspaces.answerSurvey(
                org.id(),
                pair,
                ids.get("E1"),
                new SurveyAnswer("Eva's secret answer", 2, 1, false));
        assertThatThrownBy(
                        () ->
                                workspaces.answerSurvey(
                                        org.id(),
                                        pair,
                                        ids.get("E1"),
                                        new SurveyAnswer("a", 4, 4, true)))
                .isInstanceOf(Conflict.class);
        workspaces.answerSurvey(
                org.id(), pair, ids.get("M1"), new SurveyAnswer("Mia's answer", 4, 5, true));

        assertThat(mvc.get().uri("/mentorships/{id}", pair).with(as("M1")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Eva's secret answer");
        assertThat(workspaces.surveyResults(org.id(), program.id()))
                .isEqualTo(new ClosureSurveyResults(2, null, null, null));

        MentorshipId second = start(program, "M1", "O1");
        workspaces.end(org.id(), second, ids.get("M1"), EndReason.PLANNED_END);
        workspaces.answerSurvey(org.id(), second, ids.get("O1"), new SurveyAnswer("x", 3, 3, true));
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/closure-surveys", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"answers\":3,\"partnershipRating\":3.0,\"partnerRating\":3.0,"
                                + "\"wouldDoItAgain\":0.67}");
    }

    @Test
    void someoneWhoLeavesEndsTheirMentorshipsAndThePartnerIsTold() {
        people.importCsv(
                org.id(),
                "employee_id,email,first_name,last_name,status\nM1,mia@ws.test,Mia,Mentor,INACTIVE\n"
                        .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(workspaces.details(org.id(), pair).endReason())
                                        .isEqualTo(EndReason.LEFT_ORGANISATION));
        assertThat(workspaces.details(org.id(), pair).status()).isEqualTo(MentorshipStatus.ENDED);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(mvc.get().uri("/notifications").with(as("E1")))
                                        .bodyText()
                                        .contains("Your mentorship with Mia Mentor")
                                        .contains("/mentorships/" + pair + "/survey"));
    }

    @Test
    void closingTheProgramCompletesItsActiveMentorships() {
        MentorshipId second = start(program, "M1", "O1");
        workspaces.end(org.id(), second, ids.get("O1"), EndReason.NO_TIME);
        programs.moveTo(org.id(), program.id(), ProgramStatus.CLOSED);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(workspaces.details(org.id(), pair).status())
                                        .isEqualTo(MentorshipStatus.COMPLETED));
        assertThat(workspaces.details(org.id(), pair).endReason())
                .isEqualTo(EndReason.PROGRAM_CLOSED);
        assertThat(workspaces.details(org.id(), second).endReason()).isEqualTo(EndReason.NO_TIME);
    }

    @Test
    void leavingAProgramEndsTheMentorshipOnlyWhenThePersonSaysSo() {
        MentorshipId second = start(program, "M1", "O1");
        var eva = menteeEnrolment("E1");
        var olu = menteeEnrolment("O1");
        assertThat(
                        mvc.post()
                                .uri("/api/v1/enrolments/{id}/withdraw", olu.id().value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk();
        assertThat(
                        mvc.post()
                                .uri(
                                        "/programs/{p}/enrolments/{e}/withdraw",
                                        program.id(),
                                        eva.id().value())
                                .param("mentorship", "end")
                                .param("confirmed", "true")
                                .with(as("E1"))
                                .with(csrf()))
                .hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(workspaces.details(org.id(), pair).status())
                                        .isEqualTo(MentorshipStatus.ENDED));
        assertThat(workspaces.details(org.id(), second).status())
                .as("Olu kept his")
                .isEqualTo(MentorshipStatus.ACTIVE);
    }

    @Test
    void anExtensionNeedsBothPeople() {
        startedDaysAgo(pair, 400);
        WorkspaceView before = workspaces.workspace(org.id(), pair, ids.get("E1"));
        assertThat(before.plannedEndPassed()).isTrue();
        LocalDate until = today().plusMonths(2);
        assertThatThrownBy(() -> workspaces.extend(org.id(), pair, ids.get("E1"), today()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(workspaces.extend(org.id(), pair, ids.get("E1"), until)).isFalse();
        assertThat(workspaces.extend(org.id(), pair, ids.get("E1"), until))
                .as("the same person agreeing with themselves")
                .isFalse();
        assertThat(workspaces.workspace(org.id(), pair, ids.get("M1")).plannedEndPassed()).isTrue();
        assertThat(workspaces.extend(org.id(), pair, ids.get("M1"), until)).isTrue();
        WorkspaceView after = workspaces.workspace(org.id(), pair, ids.get("M1"));
        assertThat(after.plannedEndOn()).isEqualTo(until);
        assertThat(after.plannedEndPassed()).isFalse();
        assertThat(after.extension()).isNull();
    }

    @Test
    void somebodyWithoutAProfileOrFromAnotherOrganisationFindsNothing() {
        assertThatThrownBy(() -> workspaces.workspace(org.id(), pair, ids.get("O1")))
                .isInstanceOf(NotFound.class);
        TestOrganisation other = organisations.create();
        assertThat(
                        mvc.get()
                                .uri("/mentorships/{id}", pair)
                                .with(signedIn(other.id(), "eva@ws.test", Role.EMPLOYEE)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
