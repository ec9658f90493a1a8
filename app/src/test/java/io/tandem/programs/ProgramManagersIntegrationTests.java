package io.tandem.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
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
 * A program manager manages the programs an admin assigns them (or they created), and nothing else:
 * the others answer 404 and their drafts are not listed.
 */
@TandemIntegrationTest
class ProgramManagersIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired ProgramManagement programs;
    @Autowired PeopleManagement people;

    TestOrganisation org;
    PersonId pam;
    ProgramView mine;
    ProgramView theirs;

    @BeforeEach
    void twoDraftsAndAManager() {
        org = organisations.create();
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name\n"
                                + "P1,pam@pm.test,Pam,Manager\n"
                                + "P2,olu@pm.test,Olu,Other\n")
                        .getBytes(StandardCharsets.UTF_8));
        pam = people.findByEmail(org.id(), "pam@pm.test").orElseThrow().id();
        mine = programs.create(org.id(), ProgramDraft.of("Pam draft", "CROSS_DIVISIONAL"));
        theirs = programs.create(org.id(), ProgramDraft.of("Someone else", "CROSS_DIVISIONAL"));
    }

    RequestPostProcessor pamSignedIn() {
        return TestOrganisations.signedIn(org.id(), "pam@pm.test", Role.PROGRAM_MANAGER);
    }

    @Test
    void anAdminAssignsAManagerThroughTheApiAndTheirScopeFollows() {
        String path = "/api/v1/programs/" + mine.id() + "/managers/" + pam.value();
        assertThat(mvc.get().uri("/programs/" + mine.id() + "/rules").with(pamSignedIn()))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo("pam@pm.test");
        assertThat(mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/" + mine.id() + "/managers")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);

        // Pam manages her program, not the other; its draft is not even listed for her.
        assertThat(mvc.get().uri("/programs/" + mine.id() + "/rules").with(pamSignedIn()))
                .hasStatusOk();
        assertThat(mvc.get().uri("/programs/" + mine.id() + "/matching").with(pamSignedIn()))
                .hasStatusOk();
        assertThat(mvc.get().uri("/programs/" + theirs.id() + "/rules").with(pamSignedIn()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/programs/" + theirs.id()).with(pamSignedIn()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/programs").with(pamSignedIn()))
                .hasStatusOk()
                .bodyText()
                .contains("Pam draft")
                .doesNotContain("Someone else");

        // The change is audited, with the person's id and no name.
        assertThat(
                        mvc.get()
                                .uri("/api/v1/audit?action=PROGRAM_MANAGER_ASSIGNED")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].detail")
                .isEqualTo(pam.value().toString());

        assertThat(mvc.delete().uri(path).header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/programs/" + mine.id() + "/rules").with(pamSignedIn()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAnAdminAssignsAndAPersonOfAnotherOrganisationIsNotFound() {
        String path = "/api/v1/programs/" + mine.id() + "/managers/" + pam.value();
        assertThat(
                        mvc.put()
                                .uri(path)
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + organisations.token(org, Role.PROGRAM_MANAGER)))
                .hasStatus(HttpStatus.FORBIDDEN);
        TestOrganisation other = organisations.create();
        assertThat(mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, other.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.put()
                                .uri(
                                        "/api/v1/programs/"
                                                + mine.id()
                                                + "/managers/"
                                                + java.util.UUID.randomUUID())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aProgramManagersTokenIsNobodySoItCannotCreateAProgramNobodyWouldManage() {
        String draft = "{\"name\":\"Token made\",\"template\":\"CROSS_DIVISIONAL\"}";
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + organisations.token(org, Role.PROGRAM_MANAGER))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(draft))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(draft))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void onTheProgramsPageAnAdminAddsAndRemovesAManagerByEmail() {
        RequestPostProcessor admin =
                TestOrganisations.signedIn(org.id(), "ada@pm.test", Role.ADMIN);
        assertThat(
                        mvc.post()
                                .uri("/programs/" + mine.id() + "/managers")
                                .param("email", "PAM@pm.test")
                                .with(admin)
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/programs/" + mine.id()).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Program managers", "pam@pm.test");
        assertThat(mvc.get().uri("/programs/" + mine.id() + "/rules").with(pamSignedIn()))
                .hasStatusOk();

        assertThat(
                        mvc.post()
                                .uri("/programs/" + mine.id() + "/managers")
                                .param("email", "nobody@pm.test")
                                .with(admin)
                                .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("Nobody in your organisation has that e-mail.");

        assertThat(
                        mvc.post()
                                .uri(
                                        "/programs/"
                                                + mine.id()
                                                + "/managers/"
                                                + pam.value()
                                                + "/remove")
                                .with(admin)
                                .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/programs/" + mine.id() + "/rules").with(pamSignedIn()))
                .hasStatus(HttpStatus.NOT_FOUND);
        // A program manager sees no managers' section and cannot assign anyone.
        assertThat(
                        mvc.post()
                                .uri("/programs/" + mine.id() + "/managers")
                                .param("email", "pam@pm.test")
                                .with(pamSignedIn())
                                .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aProgramManagerWhoCreatesAProgramManagesIt() {
        var created =
                mvc.post()
                        .uri("/programs/new")
                        .param("name", "Pam own")
                        .param("template", "CROSS_DIVISIONAL")
                        .param("defaultCapacity", "2")
                        .param("relationshipMonths", "12")
                        .param("meetingCadence", "MONTHLY")
                        .param("matchingMode", "ADMIN")
                        .with(pamSignedIn())
                        .with(csrf())
                        .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/programs/");
        assertThat(mvc.get().uri(location + "/rules").with(pamSignedIn())).hasStatusOk();
        assertThat(
                        mvc.get()
                                .uri(location + "/rules")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "olu@pm.test", Role.PROGRAM_MANAGER)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
