package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.Role;
import io.tandem.mentorships.GoalStatus;
import io.tandem.mentorships.MentorshipId;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.mentorships.WorkspaceManagement;
import io.tandem.mentorships.WorkspaceManagement.GoalDraft;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pair's forms (goals, milestones, progress, action items, notes, a meeting) refuse bad input
 * the way every page form does, through the shared field fragment: 422, the message next to the
 * control that names the field, and what was typed kept. A word where a date or a number belongs is
 * such input too, not a 400 error page.
 */
@TandemIntegrationTest
class WorkspaceFormErrorsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired WorkspaceManagement workspaces;

    /** A post, the control's id that must show the refusal, and a message it must contain. */
    record Case(String path, Map<String, String> values, String id, String message, String kept) {}

    @Test
    void theEnrolmentFormShowsAWordWhereANumberBelongsNextToItsField() throws Exception {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                "employee_id,email,first_name,last_name\nE1,eli@wsf.test,Eli,Early\n"
                        .getBytes(StandardCharsets.UTF_8));
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Open", "CUSTOM"));
        programs.moveTo(org.id(), program.id(), io.tandem.programs.ProgramStatus.ENROLLING);
        MockHttpServletResponse answer =
                mvc.perform(
                                post("/programs/" + program.id() + "/enrol")
                                        .with(
                                                TestOrganisations.signedIn(
                                                        org.id(), "eli@wsf.test", Role.EMPLOYEE))
                                        .with(csrf())
                                        .param("role", "MENTOR")
                                        .param("capacity", "lots")
                                        .param("goals", "Kept goals")
                                        .param("timeZone", "UTC"))
                        .andReturn()
                        .getResponse();
        assertThat(answer.getStatus()).isEqualTo(422);
        String page = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(
                        PageFormErrorsIntegrationTests.shownInline(
                                page, "capacity", "Enter a whole number.", null))
                .isNull();
        assertThat(PageFormErrorsIntegrationTests.shownInline(page, "goals", null, null))
                .as("only the capacity is refused")
                .isNotNull();
        assertThat(page).contains(">Kept goals</textarea>");
        assertThat(
                        enrolling
                                .enrolments(
                                        org.id(),
                                        program.id(),
                                        null,
                                        null,
                                        io.tandem.shared.PageQuery.of(0, 10))
                                .total())
                .isZero();
    }

    /** The program builder's dates and numbers, refused the same way. */
    @Test
    void theBuilderShowsAWordWhereADateOrNumberBelongsNextToItsField() throws Exception {
        TestOrganisation org = organisations.create();
        RequestPostProcessor admin =
                TestOrganisations.signedIn(org.id(), "ada@wsf.test", Role.ADMIN);
        List<String> wrong = new ArrayList<>();
        for (String[] c :
                new String[][] {
                    {"startsOn", "soon", "Enter a date as YYYY-MM-DD."},
                    {"enrolmentClosesOn", "31/12/2030", "Enter a date as YYYY-MM-DD."},
                    {"defaultCapacity", "many", "Enter a whole number."},
                    {"relationshipMonths", "6.5", "Enter a whole number."}
                }) {
            MockHttpServletResponse answer =
                    mvc.perform(
                                    post("/programs/new")
                                            .with(admin)
                                            .with(csrf())
                                            .param("name", "Kept name")
                                            .param("template", "CROSS_DIVISIONAL")
                                            .param(c[0], c[1]))
                            .andReturn()
                            .getResponse();
            if (answer.getStatus() != 422) {
                wrong.add(c[0] + ": status " + answer.getStatus());
                continue;
            }
            String page = answer.getContentAsString(StandardCharsets.UTF_8);
            String problem = PageFormErrorsIntegrationTests.shownInline(page, c[0], c[2], null);
            if (problem != null) {
                wrong.add(c[0] + ": " + problem);
            }
            if (PageFormErrorsIntegrationTests.shownInline(page, "name", null, "Kept name")
                    == null) {
                wrong.add(c[0] + ": the name was marked wrong");
            }
            if (!page.contains("value=\"Kept name\"")) {
                wrong.add(c[0] + ": the name entered was not kept");
            }
        }
        assertThat(wrong).as("builder fields that did not show the refusal inline").isEmpty();
        assertThat(programs.list(org.id(), true, io.tandem.shared.PageQuery.of(0, 10)).total())
                .isZero();
    }

    @Test
    void everyRefusalOfThePairsFormsIsShownNextToItsField() throws Exception {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name,division,languages\n"
                                + "M1,mia@wsf.test,Mia,Mentor,Digital,English\n"
                                + "E1,eva@wsf.test,Eva,Early,Retail,English\n")
                        .getBytes(StandardCharsets.UTF_8));
        PersonId mia = people.findByEmail(org.id(), "mia@wsf.test").orElseThrow().id();
        PersonId eva = people.findByEmail(org.id(), "eva@wsf.test").orElseThrow().id();
        ProgramView program = programs.create(org.id(), ProgramDraft.of("Forms", "CUSTOM"));
        MentorshipId pair =
                TestPairs.start(
                        programs, enrolling, mentorships, org.id(), program.id(), eva, mia, 50);
        UUID goal =
                workspaces.addGoal(
                        org.id(),
                        pair,
                        eva,
                        new GoalDraft(
                                "Lead a meeting",
                                "Chair one team meeting",
                                LocalDate.now().plusMonths(2),
                                null,
                                GoalStatus.values()[0]));
        RequestPostProcessor evaSignedIn =
                TestOrganisations.signedIn(org.id(), "eva@wsf.test", Role.EMPLOYEE);
        String workspace = "/mentorships/" + pair.value();
        String goalPage = workspace + "/goals/" + goal;
        String tooLong = "x".repeat(10_001);

        List<Case> cases =
                List.of(
                        new Case(
                                workspace + "/goals",
                                Map.of("title", tooLong, "measure", "Count them"),
                                "goal-title",
                                "at most 10,000 characters",
                                tooLong),
                        new Case(
                                workspace + "/goals",
                                Map.of("title", "Speak up", "targetOn", "next tuesday"),
                                "goal-target",
                                "Enter a date as YYYY-MM-DD.",
                                null),
                        new Case(
                                workspace + "/actions",
                                Map.of("title", "Book a room", "dueOn", "soon"),
                                "action-due",
                                "Enter a date as YYYY-MM-DD.",
                                null),
                        new Case(
                                workspace + "/notes",
                                Map.of("body", tooLong, "shared", "true"),
                                "note-body",
                                "at most 10,000 characters",
                                tooLong),
                        new Case(
                                goalPage + "/progress",
                                Map.of("percent", "lots", "comment", "Went well", "version", "0"),
                                "progress-percent",
                                "Enter a whole number.",
                                null),
                        new Case(
                                goalPage + "/milestones",
                                Map.of("title", tooLong, "dueOn", "2030-01-01"),
                                "milestone-title",
                                "at most 10,000 characters",
                                tooLong),
                        new Case(
                                workspace + "/meetings",
                                Map.of(
                                        "title",
                                        "t".repeat(201),
                                        "date",
                                        "2030-03-04",
                                        "time",
                                        "10:00"),
                                "title",
                                "up to 200 characters",
                                "t".repeat(201)),
                        new Case(
                                goalPage,
                                Map.of("title", tooLong, "measure", "m", "version", "0"),
                                "edit-title",
                                "at most 10,000 characters",
                                tooLong));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            MockHttpServletRequestBuilder request = post(c.path()).with(evaSignedIn).with(csrf());
            new LinkedHashMap<>(c.values()).forEach(request::param);
            MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
            String what = c.path() + " → " + c.id();
            if (answer.getStatus() != 422) {
                wrong.add(what + ": status " + answer.getStatus());
                continue;
            }
            String page = answer.getContentAsString(StandardCharsets.UTF_8);
            String problem =
                    PageFormErrorsIntegrationTests.shownInline(page, c.id(), c.message(), c.kept());
            if (problem != null) {
                wrong.add(what + ": " + problem);
            }
        }
        assertThat(wrong).as("forms that did not show the refusal inline").isEmpty();
    }
}
