package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Requests refused before any controller sees them answer like every other refusal. An encoded NUL
 * in an API id was a 400 with no body when Spring Security's firewall refused it ({@code %2500})
 * and Tomcat's own HTML report when Tomcat did ({@code %00}); the event stream and the CSV report
 * asked for JSON answered 406 with no body. Now: a problem detail naming what is wrong under {@code
 * /api/}, Tandem's error page elsewhere. Sent through MockMvc and over a real connection, since
 * Tomcat refuses {@code %00} before the application.
 */
@TandemIntegrationTest
class RefusedAddressesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired TestOrganisations organisations;

    @Value("${local.server.port}")
    int port;

    TestOrganisation org;
    HttpClient http =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

    @BeforeEach
    void organisation() {
        org = organisations.create();
    }

    @Test
    void anApiIdWithAnEncodedNulIsAProblemDetailNamingThePath() throws Exception {
        MockHttpServletResponse firewall =
                mvc.perform(
                                get(URI.create("/api/v1/programs/%2500"))
                                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                        .accept(MediaType.APPLICATION_JSON))
                        .andReturn()
                        .getResponse();
        assertThat(firewall.getStatus()).isEqualTo(400);
        assertThat(firewall.getContentType()).startsWith("application/problem+json");
        assertNamesThePath(firewall.getContentAsString(StandardCharsets.UTF_8));

        for (String address : new String[] {"/api/v1/programs/%00", "/api/v1/programs/%2500"}) {
            HttpResponse<String> answer = send(address, "application/json");
            assertThat(answer.statusCode()).as(address).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(address)
                    .startsWith("application/problem+json");
            assertNamesThePath(answer.body());
        }
    }

    @Test
    void aPageAddressWithAnEncodedNulIsTandemsErrorPage() throws Exception {
        for (String address : new String[] {"/programs/%00", "/programs/%2500"}) {
            HttpResponse<String> answer = send(address, "text/html");
            assertThat(answer.statusCode()).as(address).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(address)
                    .startsWith("text/html");
            assertThat(answer.body())
                    .as(address)
                    .contains("That request could not be handled")
                    .doesNotContain("Tomcat")
                    .doesNotContain("HTTP Status 400");
        }
    }

    @Test
    void theStreamAndTheCsvReportAskedForJsonAnswerAProblemDetailNamingAccept() throws Exception {
        String id = UUID.randomUUID().toString();
        String[][] routes = {
            {"/api/v1/conversations/" + id + "/stream", "text/event-stream"},
            {"/api/v1/programs/" + id + "/report.csv", "text/csv"}
        };
        for (String[] route : routes) {
            MockHttpServletResponse answer =
                    mvc.perform(
                                    get(route[0])
                                            .header(HttpHeaders.AUTHORIZATION, org.bearer())
                                            .accept(MediaType.APPLICATION_JSON))
                            .andReturn()
                            .getResponse();
            assertThat(answer.getStatus()).as(route[0]).isEqualTo(406);
            assertThat(answer.getContentType()).as(route[0]).startsWith("application/problem+json");
            String body = answer.getContentAsString(StandardCharsets.UTF_8);
            assertThat(body)
                    .as(route[0])
                    .contains("\"status\":406")
                    .contains("\"field\":\"Accept\"")
                    .contains(route[1]);

            HttpResponse<String> overTheWire = send(route[0], "application/json");
            assertThat(overTheWire.statusCode()).as(route[0]).isEqualTo(406);
            assertThat(overTheWire.body()).as(route[0]).contains("\"field\":\"Accept\"");
        }
    }

    private HttpResponse<String> send(String address, String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + address))
                        .header(HttpHeaders.AUTHORIZATION, org.bearer())
                        .header(HttpHeaders.ACCEPT, accept)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertNamesThePath(String body) {
        assertThat(body)
                .contains("\"status\":400")
                .contains("\"title\":\"Bad Request\"")
                .contains("\"field\":\"path\"")
                .contains("not allowed");
    }
}
