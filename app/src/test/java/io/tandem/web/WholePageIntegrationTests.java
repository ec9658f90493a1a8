package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * A page is answered whole or not at all: when a figure of its model cannot be read (the pool has
 * no free connection, as at 200 requests/s on the home page), the answer is the whole 503 page,
 * never the page broken off half written. The figure here is a lazy one, as the layout's unread
 * counts are, that fails when the request asks it to.
 */
@TandemIntegrationTest
@Import(WholePageIntegrationTests.FailingFigure.class)
class WholePageIntegrationTests {

    static final String BREAK = "X-Test-Break-Figure";

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingFigure {

        @Bean
        Advice failingFigureAdvice() {
            return new Advice();
        }
    }

    @ControllerAdvice
    static class Advice {

        @ModelAttribute("testFigure")
        LazyContextVariable<Long> figure(HttpServletRequest request) {
            boolean broken = request.getHeader(BREAK) != null;
            return new LazyContextVariable<>() {
                @Override
                protected Long loadValue() {
                    if (broken) {
                        throw new CannotGetJdbcConnectionException(
                                "Failed to obtain JDBC Connection",
                                new SQLTransientConnectionException(
                                        "Connection is not available, request timed out"));
                    }
                    return 1L;
                }
            };
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired IdentityManagement identity;
    @Autowired TestOrganisations organisations;

    @Test
    void aPageWhoseFigureCannotBeReadIsAnsweredWholeAs503() throws Exception {
        String email = "whole-" + UUID.randomUUID() + "@acme.test";
        identity.ensureAccount(
                organisations.create().id(), email, "Whole page", "whole-page-secret", Role.ADMIN);
        HttpClient browser =
                BenchSignIn.signIn(BenchSignIn.client().build(), port, email, "whole-page-secret");

        HttpResponse<String> fine = get(browser, "/", false);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("Your programs at a glance");
        assertThat(fine.body().strip()).endsWith("</html>");

        HttpResponse<String> broken = get(browser, "/", true);
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.headers().firstValue("Retry-After")).contains("5");
        assertThat(broken.body())
                .startsWith("<!DOCTYPE html>")
                .contains("Tandem cannot reach its database just now")
                .doesNotContain("Your programs at a glance")
                .endsWith("</html>");
    }

    private HttpResponse<String> get(HttpClient browser, String path, boolean breakFigure)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html");
        if (breakFigure) {
            request.header(BREAK, "yes");
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
