package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.Enrol;
import io.tandem.programs.EnrolmentManagement;
import io.tandem.programs.EnrolmentRole;
import io.tandem.programs.EnrolmentStatus;
import io.tandem.programs.MatchingRule;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramFormat;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramStatus;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The forms that kept their own markup longest (working hours, office hours, retention, the
 * agreement, the meeting plan and move, check-ins, the engagement rules and nudges, the audit
 * filter, the rules editor and its rows, the time-zone choices, a program's managers and
 * invitations, API tokens, SSO, a conversation's message) refuse bad input like every other page
 * form: 422, the message beside the control through the shared field fragment, what was typed kept,
 * and every problem at once, the form's own and the module's. Before, a word in a number gave 400,
 * a refused check-in or working week 200, a nudge a redirect that lost the text.
 */
@TandemIntegrationTest
class MovedFormErrorsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired JdbcClient jdbc;

    /**
     * A request, the control that must show the refusal, a text the message holds, the kept value.
     */
    record Case(
            String what,
            MockHttpServletRequestBuilder request,
            String id,
            String message,
            String kept) {}

    TestOrganisation org;
    RequestPostProcessor admin;
    RequestPostProcessor eva;
    RequestPostProcessor mia;
    ProgramView program;
    MentorshipId pair;
    ProgramView flash;

    @BeforeEach
    void pairAndPrograms() {
        org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division,languages,time_zone\n"
                                + "M1,mia@moved.test,Mia,Mentor,Digital,English,Europe/London\n"
                                + "E1,eva@moved.test,Eva,Early,Retail,English,Europe/Berlin\n")
                        .getBytes(StandardCharsets.UTF_8));
        PersonId miaId = people.findByEmail(org.id(), "mia@moved.test").orElseThrow().id();
        PersonId evaId = people.findByEmail(org.id(), "eva@moved.test").orElseThrow().id();
        admin = TestOrganisations.signedIn(org.id(), "ada@moved.test", Role.ADMIN);
        eva = TestOrganisations.signedIn(org.id(), "eva@moved.test", Role.EMPLOYEE);
        mia = TestOrganisations.signedIn(org.id(), "mia@moved.test", Role.EMPLOYEE);
        program = programs.create(org.id(), ProgramDraft.of("Moved", "CUSTOM"));
        pair =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), evaId, miaId, 50);
        flash =
                programs.create(
                        org.id(),
                        new ProgramDraft(
                                "Moved flash",
                                "CROSS_DIVISIONAL",
                                null,
                                ProgramFormat.FLASH,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        programs.moveTo(org.id(), flash.id(), ProgramStatus.ENROLLING);
        var enrolment =
                enrolling.enrol(
                        org.id(),
                        flash.id(),
                        new Enrol(
                                miaId,
                                null,
                                EnrolmentRole.MENTOR,
                                5,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        if (enrolment.status() == EnrolmentStatus.PENDING) {
            enrolling.decide(org.id(), enrolment.id(), true, null);
        }
    }

    @Test
    void everyMovedFormShowsItsRefusalBesideTheField() throws Exception {
        String workspace = "/mentorships/" + pair.value();
        String tooLong = "x".repeat(10_001);
        String meeting = planAMeeting(workspace);
        String conversation =
                mvc.perform(get(workspace + "/conversation").with(eva))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl();
        // The rules page shows the safeguards first, then the rule posted: its row's number.
        String rule = "rule-" + MatchingRule.SAFEGUARDS.size() + "-";
        List<Case> cases =
                List.of(
                        new Case(
                                "program managers: an address nobody has",
                                post("/programs/" + flash.id() + "/managers")
                                        .with(admin)
                                        .param("email", "nobody@moved.test"),
                                "manager-email",
                                "Nobody in your organisation has that e-mail.",
                                "nobody@moved.test"),
                        new Case(
                                "invitations: a line nobody has",
                                post("/programs/" + flash.id() + "/invitations")
                                        .with(admin)
                                        .param("role", "MENTEE")
                                        .param("emails", "eva@moved.test\nghost@moved.test"),
                                "invite-emails",
                                "Line 2: Nobody in your organisation has the e-mail address"
                                        + " ghost@moved.test",
                                "eva@moved.test\nghost@moved.test"),
                        new Case(
                                "invitations: a word for the level",
                                post("/programs/" + flash.id() + "/invitations")
                                        .with(admin)
                                        .param("role", "MENTEE")
                                        .param("division", "Retail")
                                        .param("level", "high"),
                                "invite-level",
                                "Enter a whole number.",
                                null),
                        new Case(
                                "rules editor: a preference weighing 150",
                                post("/programs/" + flash.id() + "/rules")
                                        .with(admin)
                                        .param("keep", "0")
                                        .param("criterion", "DIVISION")
                                        .param("kind", "DIFFERENT")
                                        .param("weight", "150")
                                        .param("parameter", ""),
                                rule + "weight",
                                "between 1 and 100",
                                "150"),
                        new Case(
                                "rules editor: a kind that does not fit the criterion",
                                post("/programs/" + flash.id() + "/rules")
                                        .with(admin)
                                        .param("keep", "0")
                                        .param("criterion", "SKILLS")
                                        .param("kind", "SAME")
                                        .param("weight", "10")
                                        .param("parameter", ""),
                                rule + "kind",
                                "does not apply to this criterion",
                                null),
                        new Case(
                                "tokens: a role that does not exist",
                                post("/admin/tokens")
                                        .with(admin)
                                        .param("name", "Kept name")
                                        .param("role", "NOT_A_ROLE")
                                        .param("scope", "API"),
                                "token-role",
                                "This value is not allowed here.",
                                null),
                        new Case(
                                "SSO: an over-long issuer",
                                post("/admin/sso")
                                        .with(admin)
                                        .param("enabled", "true")
                                        .param("issuerUrl", "x".repeat(600))
                                        .param("clientId", "c")
                                        .param("emailClaim", "email"),
                                "sso-issuer",
                                null,
                                "x".repeat(600)),
                        new Case(
                                "SSO: a word for a yes or no",
                                post("/admin/sso")
                                        .with(admin)
                                        .param("enabled", "maybe")
                                        .param("issuerUrl", "https://idp.moved.test")
                                        .param("clientId", "c")
                                        .param("emailClaim", "email"),
                                "sso-enabled",
                                null,
                                null),
                        new Case(
                                "conversation: an over-long message with a broken send id",
                                post(conversation + "/messages")
                                        .with(eva)
                                        .param("clientId", "not-a-uuid")
                                        .param("text", "m".repeat(5_001)),
                                "message-text",
                                null,
                                "m".repeat(5_001)),
                        new Case(
                                "working hours: a word for a time",
                                post("/profile/hours")
                                        .with(eva)
                                        .param("MONDAY.works", "true")
                                        .param("MONDAY.start", "soon")
                                        .param("MONDAY.end", "17:00"),
                                "MONDAY-start",
                                "Enter a time as HH:MM.",
                                "soon"),
                        new Case(
                                "office hours: a word for a date",
                                post("/programs/" + flash.id() + "/office-hours")
                                        .with(mia)
                                        .param("date", "tomorrow")
                                        .param("time", "10:00")
                                        .param("duration", "30"),
                                "oh-date",
                                null,
                                "tomorrow"),
                        new Case(
                                "office hours: a word for the length",
                                post("/programs/" + flash.id() + "/office-hours")
                                        .with(mia)
                                        .param("date", LocalDate.now().plusDays(3).toString())
                                        .param("time", "10:00")
                                        .param("duration", "long"),
                                "oh-duration",
                                "Enter a whole number.",
                                null),
                        new Case(
                                "retention: a word for months",
                                post("/admin/retention").with(admin).param("months", "lots"),
                                "months",
                                null,
                                "lots"),
                        new Case(
                                "agreement: over-long terms",
                                post(workspace + "/agreement")
                                        .with(eva)
                                        .param("terms", tooLong)
                                        .param("version", "0"),
                                "agreement-terms",
                                "10,000",
                                tooLong),
                        new Case(
                                "meeting plan: a word for the date",
                                post(workspace + "/meetings")
                                        .with(eva)
                                        .param("date", "next week")
                                        .param("time", "10:00")
                                        .param("title", "Kept title"),
                                "date",
                                null,
                                "next week"),
                        new Case(
                                "meeting move: a word for the date",
                                post(meeting + "/reschedule")
                                        .with(eva)
                                        .param("date", "later")
                                        .param("time", "10:00"),
                                "move-date",
                                null,
                                "later"),
                        new Case(
                                "meeting move: a word for the length",
                                post(meeting + "/reschedule")
                                        .with(eva)
                                        .param("date", LocalDate.now().plusDays(5).toString())
                                        .param("time", "10:00")
                                        .param("duration", "ages"),
                                "move-duration",
                                "Enter a whole number.",
                                null),
                        new Case(
                                "engagement rules: a word for days",
                                post("/programs/" + program.id() + "/engagement/rules")
                                        .with(admin)
                                        .param("atRiskAfterDays", "soon")
                                        .param("inactiveAfterDays", "60"),
                                "rule-atRiskAfterDays",
                                "Enter a whole number.",
                                null),
                        new Case(
                                "nudge: an over-long message",
                                post("/programs/"
                                                + program.id()
                                                + "/engagement/pairs/"
                                                + pair.value()
                                                + "/nudge")
                                        .with(admin)
                                        .param("text", "n".repeat(2_001)),
                                "nudge-0",
                                null,
                                "n".repeat(2_001)),
                        new Case(
                                "rules editor: a word for the minimum score",
                                post("/programs/" + program.id() + "/rules")
                                        .with(admin)
                                        .param("minimumScore", "high"),
                                "minimumScore",
                                "Enter a whole number.",
                                null),
                        new Case(
                                "audit filter: an over-long action",
                                get("/admin/audit").with(admin).param("action", "A".repeat(61)),
                                "audit-action",
                                null,
                                null),
                        new Case(
                                "audit filter: a word for a date",
                                get("/admin/audit").with(admin).param("from", "yesterday"),
                                "audit-from",
                                null,
                                "yesterday"),
                        new Case(
                                "profile: a time zone that does not exist",
                                post("/profile/edit").with(eva).param("timeZone", "Mars/Base"),
                                "timeZone",
                                null,
                                null),
                        new Case(
                                "enrolment: a time zone that does not exist",
                                post("/programs/" + flash.id() + "/enrol")
                                        .with(eva)
                                        .param("role", "MENTEE")
                                        .param("timeZone", "Mars/Base"),
                                "timeZone",
                                null,
                                null));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            MockHttpServletResponse answer =
                    mvc.perform(c.request().with(csrf())).andReturn().getResponse();
            if (answer.getStatus() != 422) {
                wrong.add(c.what() + ": status " + answer.getStatus());
                continue;
            }
            String page = answer.getContentAsString(StandardCharsets.UTF_8);
            String problem =
                    PageFormErrorsIntegrationTests.shownInline(page, c.id(), c.message(), c.kept());
            if (problem != null) {
                wrong.add(c.what() + ": " + problem);
            }
        }
        assertThat(wrong).as("moved forms that did not show the refusal inline").isEmpty();
    }

    /** A check-in's choices are radio groups: the refusal names the group it is about. */
    @Test
    void aCheckInShowsEveryProblemBesideItsQuestionAtOnce() throws Exception {
        // The engagement module follows a new pair after the start commits, in its own time:
        // until then the check-in is not there (404).
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                mvc.perform(
                                                        get("/mentorships/"
                                                                        + pair.value()
                                                                        + "/check-in")
                                                                .with(eva))
                                                .andReturn()
                                                .getResponse()
                                                .getStatus()
                                        == 200);
        MockHttpServletResponse answer =
                mvc.perform(
                                post("/mentorships/" + pair.value() + "/check-in")
                                        .with(eva)
                                        .with(csrf())
                                        .param("usefulness", "very")
                                        .param("goalProgress", "4")
                                        .param("blocking", "Kept worry"))
                        .andReturn()
                        .getResponse();
        assertThat(answer.getStatus()).isEqualTo(422);
        String page = answer.getContentAsString(StandardCharsets.UTF_8);
        // The form's refusal (a word for a rating) and the module's (did you meet?) together.
        assertThat(groupRefused(page, "usefulness", "Enter a whole number.")).isNull();
        assertThat(groupRefused(page, "met", null)).isNull();
        assertThat(page).contains(">Kept worry</textarea>");
        assertThat(page).containsPattern("id=\"goalProgress-3\"[^>]*checked");
        assertThat(
                        jdbc.sql("select count(*) from check_in_answer where mentorship_id = ?")
                                .param(pair.value())
                                .query(Long.class)
                                .single())
                .isZero();
    }

    /**
     * The meeting plan names an unreadable date and the module's missing title together, and an
     * enrolment a word for places and a time zone that does not exist, though the module never saw
     * the form's values as valid: nothing is written.
     */
    @Test
    void theFormsAndTheModulesRefusalsShowTogether() throws Exception {
        MockHttpServletResponse plan =
                mvc.perform(
                                post("/mentorships/" + pair.value() + "/meetings")
                                        .with(eva)
                                        .with(csrf())
                                        .param("date", "someday")
                                        .param("time", "10:00")
                                        .param("title", ""))
                        .andReturn()
                        .getResponse();
        assertThat(plan.getStatus()).isEqualTo(422);
        String planPage = plan.getContentAsString(StandardCharsets.UTF_8);
        assertThat(PageFormErrorsIntegrationTests.shownInline(planPage, "date", null, "someday"))
                .isNull();
        assertThat(PageFormErrorsIntegrationTests.shownInline(planPage, "title", null, ""))
                .isNull();

        MockHttpServletResponse enrol =
                mvc.perform(
                                post("/programs/" + flash.id() + "/enrol")
                                        .with(eva)
                                        .with(csrf())
                                        .param("role", "MENTOR")
                                        .param("capacity", "plenty")
                                        .param("goals", "g".repeat(4_001))
                                        .param("timeZone", "Mars/Base"))
                        .andReturn()
                        .getResponse();
        assertThat(enrol.getStatus()).isEqualTo(422);
        String enrolPage = enrol.getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("capacity", "Enter a whole number.");
        expected.put("goals", null);
        expected.put("timeZone", null);
        expected.forEach(
                (field, message) ->
                        assertThat(
                                        PageFormErrorsIntegrationTests.shownInline(
                                                enrolPage, field, message, null))
                                .as(field)
                                .isNull());
        assertThat(
                        enrolling
                                .enrolmentsOf(
                                        org.id(),
                                        people.findByEmail(org.id(), "eva@moved.test")
                                                .orElseThrow()
                                                .id())
                                .stream()
                                .filter(e -> e.programId().equals(flash.id())))
                .isEmpty();
    }

    /** Plans a meeting through the page and answers its address. */
    private String planAMeeting(String workspace) throws Exception {
        MockHttpServletResponse planned =
                mvc.perform(
                                post(workspace + "/meetings")
                                        .with(eva)
                                        .with(csrf())
                                        .param("date", LocalDate.now().plusDays(4).toString())
                                        .param("time", "11:00")
                                        .param("title", "First talk")
                                        .param("place", "LINK")
                                        .param("link", "https://meet.example/first"))
                        .andReturn()
                        .getResponse();
        assertThat(planned.getRedirectedUrl())
                .as("the meeting was planned")
                .startsWith("/meetings/");
        return planned.getRedirectedUrl();
    }

    /**
     * How a radio group fails to show its refusal, or null when it does: the group described by its
     * message, each choice marked invalid, the message holding {@code message} when given.
     */
    private static String groupRefused(String page, String name, String message) {
        Matcher group =
                Pattern.compile("<fieldset\\b[^>]*aria-describedby=\"" + name + "-error\"")
                        .matcher(page);
        Matcher shown =
                Pattern.compile("<p\\b[^>]*\\bid=\"" + name + "-error\"[^>]*>([^<]*)</p>")
                        .matcher(page);
        if (!group.find() || !shown.find() || shown.group(1).isBlank()) {
            return name + ": no group tied to a message";
        }
        if (!Pattern.compile("name=\"" + name + "\"[^>]*aria-invalid=\"true\"")
                .matcher(page)
                .find()) {
            return name + ": the choices are not marked invalid";
        }
        if (message != null && !shown.group(1).contains(message)) {
            return name + ": message " + shown.group(1);
        }
        return null;
    }
}
