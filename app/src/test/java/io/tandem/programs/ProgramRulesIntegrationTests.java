package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import io.tandem.people.PeopleManagement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Rules that held only on a page now hold on every route: window, drafts, invitations, input. */
@TandemIntegrationTest
class ProgramRulesIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;

    TestOrganisation org;

    @BeforeEach
    void organisationWithPeople() {
        org = organisations.create();
        people.importCsv(
                org.id(), ProgramsIntegrationTests.PEOPLE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theApiRefusesEnrolmentOutsideTheWindow() throws Exception {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        String id =
                create(
                        "{\"name\":\"Later\",\"template\":\"CROSS_DIVISIONAL\","
                                + "\"enrolmentOpensOn\":\""
                                + tomorrow
                                + "\"}");
        assertThat(post("/api/v1/programs/" + id + "/status", "{\"status\":\"ENROLLING\"}"))
                .hasStatusOk();
        assertThat(
                        post(
                                "/api/v1/programs/" + id + "/enrolments",
                                "{\"email\":\"finn@acme.test\",\"role\":\"MENTEE\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyText()
                .contains("not open");
    }

    @Test
    void anEmployeeNeverSeesADraftThroughTheEnrolmentPage() throws Exception {
        String id = create("{\"name\":\"Secret draft Q7\",\"template\":\"CROSS_DIVISIONAL\"}");
        var employee = TestOrganisations.signedIn(org.id(), "finn@acme.test", Role.EMPLOYEE);
        MvcTestResult page = mvc.get().uri("/programs/" + id + "/enrol").with(employee).exchange();
        assertThat(page).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(page.getResponse().getContentAsString()).doesNotContain("Secret draft Q7");
    }

    @Test
    void aRefusedInvitationWritesNothing() throws Exception {
        String id = create("{\"name\":\"Invites\",\"template\":\"CROSS_DIVISIONAL\"}");
        String finn =
                people.findByEmail(org.id(), "finn@acme.test")
                        .orElseThrow()
                        .id()
                        .value()
                        .toString();
        assertThat(
                        post(
                                "/api/v1/programs/" + id + "/invitations",
                                "{\"role\":\"MENTEE\",\"personIds\":[\""
                                        + finn
                                        + "\"],\"emails\":[\"nobody@acme.test\", null]}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/" + id + "/enrolments")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void overLongTextIsRefusedWith422NotA500() throws Exception {
        String id = create("{\"name\":\"Long\",\"template\":\"CROSS_DIVISIONAL\"}");
        assertThat(post("/api/v1/programs/" + id + "/status", "{\"status\":\"ENROLLING\"}"))
                .hasStatusOk();
        String longText = "x".repeat(100_000);
        assertThat(
                        post(
                                "/api/v1/programs/" + id + "/enrolments",
                                "{\"email\":\"finn@acme.test\",\"role\":\"MENTEE\",\"goals\":\""
                                        + longText
                                        + "\",\"preferences\":\""
                                        + longText
                                        + "\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo(422);
    }

    private String create(String json) throws Exception {
        MvcTestResult created = post("/api/v1/programs", json);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return com.jayway.jsonpath.JsonPath.read(
                created.getResponse().getContentAsString(), "$.id");
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }
}
