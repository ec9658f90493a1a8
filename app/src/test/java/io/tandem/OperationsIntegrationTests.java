package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@TandemIntegrationTest
class OperationsIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired JdbcTemplate jdbc;

    /**
     * No statement runs longer than a minute on either database. On H2 the limit is the session's
     * own (a SET per statement would empty H2's cache of parsed statements on every statement).
     */
    @Test
    void everyStatementIsCancelledAfterAMinute() throws Exception {
        boolean h2;
        try (var connection = jdbc.getDataSource().getConnection()) {
            h2 = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        if (h2) {
            assertThat(
                            jdbc.queryForObject(
                                    "select setting_value from information_schema.settings"
                                            + " where setting_name = 'QUERY_TIMEOUT'",
                                    String.class))
                    .isEqualTo("60000");
            assertThat(jdbc.getQueryTimeout()).isEqualTo(-1);
        } else {
            assertThat(jdbc.getQueryTimeout()).isEqualTo(60);
        }
    }

    @Test
    void healthAndReadinessAreUp() {
        assertThat(mvc.get().uri("/actuator/health"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsNeedAnAdminToken() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(
                        mvc.get()
                                .uri("/actuator/prometheus")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer test-bootstrap-token"))
                .hasStatusOk()
                .bodyText()
                .contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void theOpenApiDocumentCoversThePeopleApi() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.paths")
                .asMap()
                .containsKeys("/api/v1/people", "/api/v1/people/import", "/api/v1/people/{id}");
    }

    @Test
    void theOpenApiDocumentDescribesTokensScimAndPersonalData() {
        var paths =
                assertThat(mvc.get().uri("/v3/api-docs"))
                        .hasStatusOk()
                        .bodyJson()
                        .extractingPath("$.paths")
                        .asMap();
        paths.containsKeys(
                "/api/v1/tokens",
                "/api/v1/tokens/{id}/revoke",
                "/scim/v2/Users",
                "/scim/v2/Users/{id}",
                "/scim/v2/Groups",
                "/scim/v2/ServiceProviderConfig",
                "/scim/v2/Schemas",
                "/api/v1/people/{id}/personal-data",
                "/api/v1/people/{id}/erase",
                "/api/v1/programs/{id}/managers",
                "/api/v1/programs/{id}/managers/{personId}");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath("$.paths['/api/v1/programs/{id}/managers/{personId}'].put.summary")
                .asString()
                .contains("program manager");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath("$.paths['/scim/v2/Users/{id}'].patch.summary")
                .asString()
                .contains("If-Match");
        assertThat(mvc.get().uri("/v3/api-docs"))
                .bodyJson()
                .extractingPath("$.paths['/api/v1/tokens'].post.summary")
                .asString()
                .contains("scopes");
    }

    @Test
    void unknownPagesShowAFriendlyNotFoundPage() {
        assertThat(
                        mvc.get()
                                .uri("/people/00000000-0000-0000-0000-000000000000")
                                .header("Accept", "text/html")
                                .with(
                                        TestOrganisations.signedIn(
                                                organisations.create().id(),
                                                "x@acme.test",
                                                Role.EMPLOYEE)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
