package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Role;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramManagement;
import io.tandem.programs.ProgramView;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Roles change only by an admin's hand (issue 15, items 3 and 5): the change holds from the
 * person's next request because their sessions end, it is audited, the organisation never loses its
 * last admin, and making an employee manager of a program makes them a program manager.
 */
@TandemIntegrationTest
class RoleChangeIntegrationTests {

    static final String PASSWORD = "role-change-secret-1";

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired IdentityManagement identity;
    @Autowired ProgramManagement programs;

    TestOrganisation org;
    String run;
    PersonId ada;
    PersonId sam;
    PersonId olu;
    ProgramView draft;

    @BeforeEach
    void anOrganisationWithOneAdminAndTwoEmployees() {
        org = organisations.create();
        run = UUID.randomUUID().toString().substring(0, 8);
        people.importCsv(
                org.id(),
                ("employee_id,email,first_name,last_name\n"
                                + "R1,ada-"
                                + run
                                + "@roles.test,Ada,Admin\n"
                                + "R2,sam-"
                                + run
                                + "@roles.test,Sam,Employee\n"
                                + "R3,olu-"
                                + run
                                + "@roles.test,Olu,Noaccount\n")
                        .getBytes(StandardCharsets.UTF_8));
        ada = people.findByEmail(org.id(), email("ada")).orElseThrow().id();
        sam = people.findByEmail(org.id(), email("sam")).orElseThrow().id();
        olu = people.findByEmail(org.id(), email("olu")).orElseThrow().id();
        identity.ensureAccount(org.id(), email("ada"), "Ada Admin", PASSWORD, Role.ADMIN);
        identity.ensureAccount(org.id(), email("sam"), "Sam Employee", PASSWORD, Role.EMPLOYEE);
        draft = programs.create(org.id(), ProgramDraft.of("Role draft " + run, "CROSS_DIVISIONAL"));
    }

    @Test
    void anAdminMakesAnEmployeeAProgramManagerAndTheirOldSessionEnds() throws Exception {
        Cookie samBefore = signIn("sam");
        assertThat(status(get("/programs/" + draft.id() + "/rules").cookie(samBefore)))
                .as("an employee manages nothing")
                .isEqualTo(403);

        MockHttpServletResponse changed =
                perform(
                        MockMvcRequestBuilders.post("/people/" + sam.value() + "/role")
                                .param("role", "PROGRAM_MANAGER")
                                .cookie(signIn("ada"))
                                .with(csrf()));
        assertThat(changed.getStatus()).isEqualTo(302);
        assertThat(changed.getRedirectedUrl()).isEqualTo("/people/" + sam.value());
        assertThat(people.account(org.id(), sam).role()).isEqualTo(Role.PROGRAM_MANAGER);
        assertThat(
                        perform(get("/people/" + sam.value()).cookie(signIn("ada")))
                                .getContentAsString())
                .contains("Role: Program manager");

        MockHttpServletResponse stale = perform(get("/").cookie(samBefore));
        assertThat(stale.getStatus())
                .as("the session from before the change has ended")
                .isEqualTo(302);
        assertThat(stale.getRedirectedUrl()).contains("/login");

        // Signed in again, Sam is a program manager: the programs he is assigned to are his.
        Cookie samAfter = signIn("sam");
        assertThat(status(get("/programs/" + draft.id() + "/rules").cookie(samAfter)))
                .as("not assigned yet: not found")
                .isEqualTo(404);
        assertThat(assignManager(sam)).isEqualTo(200);
        assertThat(status(get("/programs/" + draft.id() + "/rules").cookie(signIn("sam"))))
                .isEqualTo(200);

        String audit =
                perform(
                                get("/api/v1/audit?action=ROLE_CHANGED")
                                        .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                        .getContentAsString();
        assertThat(audit).contains("from=EMPLOYEE; to=PROGRAM_MANAGER").doesNotContain("Sam");
        assertThat(perform(get("/admin/audit").cookie(signIn("ada"))).getContentAsString())
                .contains("Changed someone&#39;s role")
                .contains("Made someone a program&#39;s manager")
                .doesNotContain("??");
    }

    @Test
    void theLastAdminCannotBeDemotedAndNothingChanges() throws Exception {
        MockHttpServletResponse refused =
                perform(
                        MockMvcRequestBuilders.put("/api/v1/people/" + ada.value() + "/role")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"role\":\"EMPLOYEE\"}"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("last admin");
        assertThat(people.account(org.id(), ada).role()).isEqualTo(Role.ADMIN);

        // With a second admin, the first may step down; then the second is the last one.
        assertThat(putRole(sam, "ADMIN")).isEqualTo(200);
        assertThat(putRole(ada, "EMPLOYEE")).isEqualTo(200);
        assertThat(putRole(sam, "PROGRAM_MANAGER")).isEqualTo(409);
        assertThat(people.account(org.id(), sam).role()).isEqualTo(Role.ADMIN);

        // On the page the refusal is said, and the role stays.
        Cookie samAdmin = signIn("sam");
        assertThat(
                        status(
                                MockMvcRequestBuilders.post("/people/" + sam.value() + "/role")
                                        .param("role", "EMPLOYEE")
                                        .cookie(samAdmin)
                                        .with(csrf())))
                .isEqualTo(302);
        assertThat(perform(get("/people/" + sam.value()).cookie(samAdmin)).getContentAsString())
                .contains("last admin");
        assertThat(people.account(org.id(), sam).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void onlyAdminsOfTheSameOrganisationChangeRolesAndAMissingRoleIsNamed() throws Exception {
        RequestPostProcessor manager =
                TestOrganisations.signedIn(org.id(), email("sam"), Role.PROGRAM_MANAGER);
        assertThat(
                        status(
                                MockMvcRequestBuilders.post("/people/" + olu.value() + "/role")
                                        .param("role", "ADMIN")
                                        .with(manager)
                                        .with(csrf())))
                .isEqualTo(403);
        TestOrganisation other = organisations.create();
        assertThat(
                        status(
                                MockMvcRequestBuilders.put(
                                                "/api/v1/people/" + olu.value() + "/role")
                                        .header(HttpHeaders.AUTHORIZATION, other.bearer())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"role\":\"ADMIN\"}")))
                .isEqualTo(404);
        MockHttpServletResponse missing =
                perform(
                        MockMvcRequestBuilders.put("/api/v1/people/" + olu.value() + "/role")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"));
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(missing.getContentAsString()).contains("\"field\":\"role\"");
        assertThat(people.account(org.id(), olu).role()).as("no account was made").isNull();
    }

    @Test
    void assigningAnEmployeeToManageAProgramMakesThemAProgramManagerAndAnAdminStaysAdmin()
            throws Exception {
        assertThat(assignManager(sam)).isEqualTo(200);
        assertThat(people.account(org.id(), sam).role()).isEqualTo(Role.PROGRAM_MANAGER);
        assertThat(status(get("/programs/" + draft.id() + "/rules").cookie(signIn("sam"))))
                .isEqualTo(200);
        assertThat(assignManager(ada)).isEqualTo(200);
        assertThat(people.account(org.id(), ada).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anAdminGivesARoleToSomeoneWithoutAnAccountWhoThenActivates() throws Exception {
        assertThat(putRole(olu, "PROGRAM_MANAGER")).isEqualTo(200);
        assertThat(people.account(org.id(), olu))
                .satisfies(
                        a -> {
                            assertThat(a.role()).isEqualTo(Role.PROGRAM_MANAGER);
                            assertThat(a.activated()).isFalse();
                        });
        // The same e-mail in another organisation cannot get an account there as well.
        TestOrganisation other = organisations.create();
        people.importCsv(
                other.id(),
                ("employee_id,email,first_name,last_name\nX1," + email("olu") + ",Olu,Twice\n")
                        .getBytes(StandardCharsets.UTF_8));
        PersonId twin = people.findByEmail(other.id(), email("olu")).orElseThrow().id();
        assertThat(
                        status(
                                MockMvcRequestBuilders.put(
                                                "/api/v1/people/" + twin.value() + "/role")
                                        .header(HttpHeaders.AUTHORIZATION, other.bearer())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"role\":\"ADMIN\"}")))
                .isEqualTo(409);
        assertThat(people.account(org.id(), olu).role()).isEqualTo(Role.PROGRAM_MANAGER);
    }

    private int assignManager(PersonId person) throws Exception {
        return status(
                MockMvcRequestBuilders.put(
                                "/api/v1/programs/" + draft.id() + "/managers/" + person.value())
                        .header(HttpHeaders.AUTHORIZATION, org.bearer()));
    }

    private int putRole(PersonId person, String role) throws Exception {
        return status(
                MockMvcRequestBuilders.put("/api/v1/people/" + person.value() + "/role")
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"" + role + "\"}"));
    }

    private String email(String local) {
        return local + "-" + run + "@roles.test";
    }

    private Cookie signIn(String local) throws Exception {
        MockHttpServletResponse response =
                perform(
                        MockMvcRequestBuilders.post("/login")
                                .param("username", email(local))
                                .param("password", PASSWORD)
                                .with(csrf()));
        assertThat(response.getRedirectedUrl()).as("sign-in of " + local).doesNotContain("error");
        return response.getCookie("SESSION");
    }

    private static MockHttpServletRequestBuilder get(String uri) {
        return MockMvcRequestBuilders.get(uri);
    }

    private int status(RequestBuilder request) throws Exception {
        return perform(request).getStatus();
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
