package io.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@TandemIntegrationTest
class TokenScopesIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired IdentityManagement identity;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode issue(TestOrganisation org, String body) throws Exception {
        var result =
                mvc.post()
                        .uri("/api/v1/tokens")
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void aScimTokenIsRefusedOnTheApiAndAnApiTokenOnScim() throws Exception {
        TestOrganisation org = organisations.create();
        JsonNode scim = issue(org, "{\"name\":\"Entra ID\",\"scopes\":[\"scim\"]}");
        JsonNode api = issue(org, "{\"name\":\"HRIS\",\"scopes\":[\"api\"]}");
        assertThat(scim.get("scopes").get(0).asText()).isEqualTo("scim");
        assertThat(scim.get("token").asText()).startsWith("tdm_");

        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + scim.get("token").asText()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(
                        mvc.get()
                                .uri("/api/v1/people")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + api.get("token").asText()))
                .hasStatusOk();
        assertThat(
                        mvc.get()
                                .uri("/scim/v2/Users")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + api.get("token").asText()))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                                + "\"status\":\"403\"}");
        assertThat(mvc.get().uri("/scim/v2/Users"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .isLenientlyEqualTo("{\"status\":\"401\"}");
        assertThat(
                        mvc.get()
                                .uri("/scim/v2/Users")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        "Bearer " + scim.get("token").asText()))
                .hasStatusOk();
    }

    @Test
    void theTokenIsAnsweredOnceAndListedWithItsScopeAfterwards() throws Exception {
        TestOrganisation org = organisations.create();
        JsonNode issued = issue(org, "{\"name\":\"Okta\",\"scopes\":[\"scim\"]}");
        String list =
                mvc.get()
                        .uri("/api/v1/tokens")
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .exchange()
                        .getResponse()
                        .getContentAsString();
        assertThat(list).doesNotContain(issued.get("token").asText()).contains("\"Okta\"");
        // Tokens made before scopes existed, like the test organisation's admin token, are api.
        assertThat(json.readTree(list).get("items"))
                .anySatisfy(
                        t -> {
                            assertThat(t.get("name").asText()).isEqualTo("test admin");
                            assertThat(t.get("scopes").get(0).asText()).isEqualTo("api");
                        });
    }

    @Test
    void badScopesAreRefusedNamingTheFieldAndNothingIsIssued() throws Exception {
        TestOrganisation org = organisations.create();
        int before = identity.tokens(org.id()).size();
        for (String body :
                new String[] {
                    "{\"name\":\"x\",\"scopes\":[\"admin\"]}",
                    "{\"name\":\"x\",\"scopes\":[\"api\",\"scim\"]}",
                    "{\"name\":\"x\"}",
                    "{\"name\":\"\",\"scopes\":[\"api\"]}"
                }) {
            assertThat(
                            mvc.post()
                                    .uri("/api/v1/tokens")
                                    .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .asString()
                    .isIn("scopes", "name");
        }
        assertThat(identity.tokens(org.id())).hasSize(before);
    }

    @Test
    void onlyAnAdminIssuesTokens() {
        TestOrganisation org = organisations.create();
        String manager = organisations.token(org, Role.PROGRAM_MANAGER);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/tokens")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"mine\",\"scopes\":[\"api\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theTokensPageIssuesAScimToken() {
        TestOrganisation org = organisations.create();
        var admin = TestOrganisations.signedIn(org.id(), "admin@" + org.slug(), Role.ADMIN);
        assertThat(
                        mvc.post()
                                .uri("/admin/tokens")
                                .with(admin)
                                .with(csrf())
                                .param("name", "Entra provisioning")
                                .param("role", "ADMIN")
                                .param("scope", "SCIM"))
                .hasStatus3xxRedirection();
        assertThat(identity.tokens(org.id()))
                .anySatisfy(
                        t -> {
                            assertThat(t.name()).isEqualTo("Entra provisioning");
                            assertThat(t.scope()).isEqualTo(TokenScope.SCIM);
                        });
        assertThat(mvc.get().uri("/admin/tokens").with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("SCIM provisioning (/scim/v2)");
    }
}
