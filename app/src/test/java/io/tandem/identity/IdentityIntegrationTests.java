package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TandemIntegrationTest
class IdentityIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;

    @Test
    void apiWithoutATokenAnswers401AsAProblem() {
        assertThat(mvc.get().uri("/api/v1/people"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .isLenientlyEqualTo("{\"status\":401,\"title\":\"Unauthorized\"}");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer nonsense"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void bootstrapTokenFromTheEnvironmentWorksForTheDefaultOrganisation() {
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .param("q", "sam taylor")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer test-bootstrap-token"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"total\":1,\"items\":[{\"email\":\"sam.taylor@northwind.example\"}]}");
    }

    /**
     * Two instances starting at once on one database both make sure of the default organisation.
     */
    @Test
    void organisationsMadeSureOfAtOnceAreOneOrganisation() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                String slug = "at-once-" + java.util.UUID.randomUUID();
                var start = new java.util.concurrent.CountDownLatch(1);
                var asked = new java.util.ArrayList<java.util.concurrent.Future<OrganisationId>>();
                for (int i = 0; i < 4; i++) {
                    asked.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        return identity.ensureOrganisation(slug, "At once");
                                    }));
                }
                start.countDown();
                var ids = new java.util.HashSet<OrganisationId>();
                for (var one : asked) {
                    ids.add(one.get());
                }
                assertThat(ids).hasSize(1);
                assertThat(identity.findOrganisation(slug)).contains(ids.iterator().next());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherOrganisationsPeopleAreNotFound() throws Exception {
        TestOrganisation mine = organisations.create();
        TestOrganisation theirs = organisations.create();
        mvc.post()
                .uri("/api/v1/people/import")
                .header(HttpHeaders.AUTHORIZATION, theirs.bearer())
                .contentType("text/csv")
                .content("employee_id,email,first_name,last_name\nT1,t1@theirs.test,Tess,Theirs\n")
                .exchange();
        String theirPerson =
                mvc.get()
                        .uri("/api/v1/people")
                        .header(HttpHeaders.AUTHORIZATION, theirs.bearer())
                        .exchange()
                        .getResponse()
                        .getContentAsString()
                        .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}", theirPerson)
                                .header(HttpHeaders.AUTHORIZATION, theirs.bearer()))
                .hasStatusOk();
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people/{id}", theirPerson)
                                .header(HttpHeaders.AUTHORIZATION, mine.bearer()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/people").header(HttpHeaders.AUTHORIZATION, mine.bearer()))
                .bodyJson()
                .isLenientlyEqualTo("{\"total\":0}");
    }

    @Test
    void revokedTokensAreRefused() {
        TestOrganisation org = organisations.create();
        IssuedToken token = identity.issueToken(org.id(), "short-lived", Role.ADMIN, "tests");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret()))
                .hasStatusOk();

        identity.revokeToken(org.id(), token.id());

        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theIdentityModuleRefusesATokenWithNoNameOrAnOverlongNameWhoeverAsks() {
        TestOrganisation org = organisations.create();
        for (String name : new String[] {null, "   ", "x".repeat(121)}) {
            assertThatThrownBy(() -> identity.issueToken(org.id(), name, Role.ADMIN, "tests"))
                    .isInstanceOfSatisfying(
                            io.tandem.shared.InvalidInputException.class,
                            refused ->
                                    assertThat(refused.errors())
                                            .extracting(io.tandem.shared.InputError::field)
                                            .containsExactly("name"));
        }
        assertThatThrownBy(() -> identity.issueToken(org.id(), "no role", null, "tests"))
                .isInstanceOf(io.tandem.shared.InvalidInputException.class);
        assertThat(identity.tokens(org.id())).hasSize(1); // the organisation's own
        assertThat(identity.issueToken(org.id(), " x".repeat(60), Role.ADMIN, "t").name())
                .hasSize(119);
    }

    @Test
    void tokensAreStoredHashedAndListedByTheirLastCharactersOnly() {
        TestOrganisation org = organisations.create();
        IssuedToken token = identity.issueToken(org.id(), "hris", Role.PROGRAM_MANAGER, "tests");

        assertThat(identity.tokens(org.id()))
                .anySatisfy(
                        t -> {
                            assertThat(t.name()).isEqualTo("hris");
                            assertThat(t.hint())
                                    .endsWith(
                                            token.secret().substring(token.secret().length() - 4));
                            assertThat(t.hint()).hasSizeLessThan(8);
                        });
    }

    @Test
    void signingInWithTheDemoAdminLeadsToTheHomePage() {
        assertThat(
                        mvc.post()
                                .uri("/login")
                                .param("username", "alex.morgan@northwind.example")
                                .param("password", "tandem-demo")
                                .with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/");
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        assertThat(
                        mvc.post()
                                .uri("/login")
                                .param("username", "alex.morgan@northwind.example")
                                .param("password", "tandem-demo"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void pagesNeedASignedInUserAndCarrySecurityHeaders() {
        assertThat(mvc.get().uri("/people")).hasStatus3xxRedirection();
        var login = mvc.get().uri("/login").exchange();
        assertThat(login)
                .hasStatusOk()
                .hasHeader("X-Frame-Options", "DENY")
                .hasHeader("X-Content-Type-Options", "nosniff");
        assertThat(login.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
    }

    @Test
    void adminsCreateAndRevokeTokensOnThePage() {
        var admin = user(Role.ADMIN);

        var created =
                mvc.post()
                        .uri("/admin/tokens")
                        .param("name", "payroll sync")
                        .param("role", "PROGRAM_MANAGER")
                        .with(csrf())
                        .with(admin)
                        .exchange();
        assertThat(created).hasRedirectedUrl("/admin/tokens");
        IssuedToken issued = (IssuedToken) created.getMvcResult().getFlashMap().get("issued");
        assertThat(issued.secret()).startsWith("tdm_");

        assertThat(mvc.get().uri("/admin/tokens").with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("payroll sync")
                .doesNotContain(issued.secret());
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret()))
                .hasStatusOk();

        assertThat(
                        mvc.post()
                                .uri("/admin/tokens/{id}/revoke", issued.id())
                                .with(csrf())
                                .with(admin))
                .hasRedirectedUrl("/admin/tokens");
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anEmptyTokenNameAsksForANameAndALongOneForAShorterOne() {
        var admin = user(Role.ADMIN);
        assertThat(
                        mvc.post()
                                .uri("/admin/tokens")
                                .param("name", "  ")
                                .param("role", "ADMIN")
                                .with(csrf())
                                .with(admin))
                .bodyText()
                .contains("Give the token a name")
                .doesNotContain("120 characters");
        assertThat(
                        mvc.post()
                                .uri("/admin/tokens")
                                .param("name", "n".repeat(121))
                                .param("role", "ADMIN")
                                .with(csrf())
                                .with(admin))
                .bodyText()
                .contains("at most 120 characters");
    }

    @Test
    void employeesCannotOpenTheTokensPage() {
        assertThat(mvc.get().uri("/admin/tokens").with(user(Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private RequestPostProcessor user(Role role) {
        OrganisationId organisation =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        return TestOrganisations.signedIn(
                organisation, role.name().toLowerCase() + "@acme.test", role);
    }
}
