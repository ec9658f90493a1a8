package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.identity.Role;
import io.tandem.shared.Conflict;
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

    @Test
    void ofTwoRequestsRacingForTheFiftiethTokenExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            var org = organisations.create(); // holds one token
            for (int i = 2; i < io.tandem.identity.IdentityManagement.MAX_TOKENS; i++) {
                organisations.token(org, Role.EMPLOYEE);
            }
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two =
                    java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> issued =
                        new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    issued.add(
                            two.submit(
                                    () -> {
                                        start.await();
                                        try {
                                            identity.issueToken(
                                                    org.id(), "racer", Role.EMPLOYEE, "test");
                                            return true;
                                        } catch (Conflict refused) {
                                            return false;
                                        }
                                    }));
                }
                int won = 0;
                for (var f : issued) {
                    won += f.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("round " + round + ": issues that got through").isEqualTo(1);
                assertThat(identity.tokens(org.id())).hasSize(50);
            } finally {
                two.shutdownNow();
            }
        }
    }

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    @Test
    void aChunkedJsonBodyWithNoLengthOverTheLimitIsRefusedWith413() throws Exception {
        var org = organisations.create();
        var connection =
                (java.net.HttpURLConnection)
                        java.net
                                .URI
                                .create("http://127.0.0.1:" + port + "/api/v1/programs")
                                .toURL()
                                .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(8192); // no Content-Length
        connection.setRequestProperty(HttpHeaders.AUTHORIZATION, org.bearer());
        connection.setRequestProperty(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        int status;
        String body;
        try {
            try (var out = connection.getOutputStream()) {
                out.write("{\"name\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                byte[] chunk = "x".repeat(8192).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (int i = 0; i < 2 * 128; i++) { // 2 MB
                    out.write(chunk);
                }
                out.write(
                        "\",\"template\":\"CUSTOM\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException cutOff) {
            // The server may answer and close before the whole body is sent.
        }
        status = connection.getResponseCode();
        try (var in = connection.getErrorStream()) {
            body =
                    in == null
                            ? ""
                            : new String(
                                    in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(status).isEqualTo(413);
        assertThat(connection.getContentType()).startsWith("application/problem+json");
        assertThat(body).contains("\"status\":413");
    }
}
