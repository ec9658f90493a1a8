package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Each rule lives in its module and answers the same through the pages and the API: who may
 * withdraw an enrolment, who sees a draft program, and what a token's name and the token cap allow.
 */
@TandemIntegrationTest
class OneRuleEverywhereIntegrationTests {

    static final String PEOPLE =
            "employee_id,email,first_name,last_name,level,division,function,location,time_zone,work_mode,manager_employee_id,languages,skills,status\n"
                    + "A1,ann@acme.test,Ann,Able,3,Retail,Sales,Berlin,Europe/Berlin,FIELD,,English,Sales,ACTIVE\n"
                    + "B1,ben@acme.test,Ben,Bold,3,Retail,Sales,Berlin,Europe/Berlin,FIELD,,English,Sales,ACTIVE\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired PeopleManagement people;
    @Autowired IdentityManagement identity;

    TestOrganisation org;
    ProgramView program;
    EnrolmentView anns;

    @BeforeEach
    void annIsEnrolled() {
        org = organisations.create();
        people.importCsv(org.id(), PEOPLE.getBytes(StandardCharsets.UTF_8));
        program = programs.create(org.id(), ProgramDraft.of("Rules", "CUSTOM"));
        PersonId ann = people.findByEmail(org.id(), "ann@acme.test").orElseThrow().id();
        anns = enrolling.enrol(org.id(), program.id(), Enrol.of(ann, EnrolmentRole.MENTEE));
    }

    private RequestPostProcessor as(String email, Role role) {
        return TestOrganisations.signedIn(org.id(), email, role);
    }

    private String withdrawPage() {
        return "/programs/" + program.id() + "/enrolments/" + anns.id() + "/withdraw";
    }

    @Test
    void someoneElsesEnrolmentCannotBeWithdrawnOnThePagesNorThroughTheApi() {
        RequestPostProcessor ben = as("ben@acme.test", Role.EMPLOYEE);
        assertThat(mvc.get().uri(withdrawPage()).with(ben)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri(withdrawPage()).with(ben).with(csrf()).param("confirmed", "true"))
                .hasStatus(HttpStatus.FORBIDDEN);
        String employeeToken = organisations.token(org, Role.EMPLOYEE);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/enrolments/{id}/withdraw", anns.id())
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + employeeToken))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(enrolling.enrolment(org.id(), anns.id()).status())
                .isEqualTo(EnrolmentStatus.ACTIVE);
    }

    @Test
    void thePersonThemselvesWithdrawsOnThePage() {
        RequestPostProcessor ann = as("ann@acme.test", Role.EMPLOYEE);
        assertThat(mvc.get().uri(withdrawPage()).with(ann)).hasStatusOk();
        assertThat(mvc.post().uri(withdrawPage()).with(ann).with(csrf()).param("confirmed", "true"))
                .hasStatus3xxRedirection();
        assertThat(enrolling.enrolment(org.id(), anns.id()).status())
                .isEqualTo(EnrolmentStatus.WITHDRAWN);
    }

    @Test
    void aMoveTheProgramRefusesReturnsToItsPageSayingWhyAsTheApiDoes() {
        String why = "A program that is DRAFT cannot move to ACTIVE.";
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs/{id}/status", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"status\":\"ACTIVE\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo(why);
        RequestPostProcessor hr = as("hr@acme.test", Role.ADMIN);
        var refused =
                mvc.post()
                        .uri("/programs/{id}/status", program.id())
                        .param("status", "ACTIVE")
                        .with(hr)
                        .with(csrf())
                        .exchange();
        assertThat(refused)
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/programs/" + program.id())
                .flash()
                .containsEntry("problem", why);
        // The next page the browser opens, in the same session, says it at the top.
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}", program.id())
                                .with(hr)
                                .cookie(refused.getResponse().getCookies()))
                .hasStatusOk()
                .bodyText()
                .contains(why);
        assertThat(programs.get(org.id(), program.id()).status()).isEqualTo(ProgramStatus.DRAFT);
    }

    @Test
    void aDecisionOnAnEnrolmentDecidedAlreadyReturnsToTheListNamingItsState() {
        assertThat(
                        mvc.post()
                                .uri(
                                        "/programs/{p}/enrolments/{e}/decision",
                                        program.id(),
                                        anns.id())
                                .param("approve", "true")
                                .with(as("hr@acme.test", Role.ADMIN))
                                .with(csrf()))
                .hasRedirectedUrl("/programs/" + program.id() + "#enrolments")
                .flash()
                .containsEntry(
                        "problem",
                        "Only enrolments awaiting approval can be approved or declined; this one is"
                                + " ACTIVE.")
                .doesNotContainKey("notice");
    }

    @Test
    void anAdminWithdrawsAnyoneThroughTheApi() {
        String managerToken = organisations.token(org, Role.ADMIN);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/enrolments/{id}/withdraw", anns.id())
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + managerToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aDraftIsNowhereForEmployeesAndThereForManagers() {
        RequestPostProcessor ann = as("ann@acme.test", Role.EMPLOYEE);
        for (String page :
                new String[] {
                    "/programs/" + program.id(),
                    "/programs/" + program.id() + "/mentors",
                    "/programs/" + program.id() + "/enrol"
                }) {
            assertThat(mvc.get().uri(page).with(ann)).as(page).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri(page).with(as("hr@acme.test", Role.ADMIN)))
                    .as(page)
                    .hasStatusOk();
        }
        String employeeToken = organisations.token(org, Role.EMPLOYEE);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}", program.id())
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + employeeToken))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}", program.id())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk();
    }

    @Test
    void anEmptyTokenNameGetsTheSameAnswerOnThePageAndThroughTheApi() {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/tokens")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"  \",\"scopes\":[\"api\"]}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0]")
                .isEqualTo(
                        java.util.Map.of(
                                "field",
                                "name",
                                "message",
                                "Give the token a name, so you know later which system uses it."));
        assertThat(
                        mvc.post()
                                .uri("/admin/tokens")
                                .with(as("admin@acme.test", Role.ADMIN))
                                .with(csrf())
                                .param("name", "  ")
                                .param("role", "EMPLOYEE"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("Give the token a name, so you know later which system uses it.");
        assertThat(identity.tokens(org.id())).hasSize(1);
    }

    @Test
    void theTokenCapHoldsThroughTheApiAsOnThePage() {
        for (int i = 1; i < IdentityManagement.MAX_TOKENS; i++) {
            organisations.token(org, Role.EMPLOYEE);
        }
        assertThat(
                        mvc.post()
                                .uri("/api/v1/tokens")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"one more\",\"scopes\":[\"api\"]}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyText()
                .contains("already has 50 live API tokens");
        assertThat(
                        mvc.post()
                                .uri("/admin/tokens")
                                .with(as("admin@acme.test", Role.ADMIN))
                                .with(csrf())
                                .param("name", "one more")
                                .param("role", "EMPLOYEE"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyText()
                .contains("already has 50 live API tokens");
        assertThat(identity.tokens(org.id())).hasSize(50);
    }
}
