package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Bodies over the documented limits are refused with 413 before they are read into memory. */
@TandemIntegrationTest
class RequestLimitsIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedWith413ProblemDetail() {
        var org = organisations.create();
        String name = "x".repeat(2 * 1024 * 1024);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"" + name + "\",\"template\":\"CUSTOM\"}"))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo(413);
        // Just under the limit is read and judged on its content.
        assertThat(
                        mvc.post()
                                .uri("/api/v1/programs")
                                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\""
                                                + "x".repeat(900_000)
                                                + "\",\"template\":\"CUSTOM\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Autowired io.tandem.identity.IdentityManagement identity;

    @Test
    void anOrganisationCannotHoldMoreThanFiftyLiveTokens() {
        var org = organisations.create();
        for (int i = 1; i < io.tandem.identity.IdentityManagement.MAX_TOKENS; i++) {
            organisations.token(org, Role.EMPLOYEE);
        }
        assertThat(
                        mvc.post()
                                .uri("/admin/tokens")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "a@acme.test", Role.ADMIN))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .content("name=one+more&role=EMPLOYEE"))
                .bodyText()
                .contains("already has 50 live API tokens");
        assertThat(identity.tokens(org.id())).hasSize(50);
    }

    @Test
    void aFormOverOneMegabyteIsRefusedWith413() {
        var org = organisations.create();
        assertThat(
                        mvc.post()
                                .uri("/profile/edit")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "big@acme.test", Role.EMPLOYEE))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .content("title=" + "x".repeat(2 * 1024 * 1024)))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }
}
