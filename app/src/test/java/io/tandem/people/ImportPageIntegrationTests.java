package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TandemIntegrationTest
class ImportPageIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;

    TestOrganisation org;
    RequestPostProcessor admin;

    @BeforeEach
    void signIn() {
        org = organisations.create();
        admin = TestOrganisations.signedIn(org.id(), "hr@acme.test", Role.PROGRAM_MANAGER);
    }

    MvcTestResult upload(byte[] content, boolean htmx) {
        var request =
                mvc.post()
                        .uri("/people/import")
                        .multipart()
                        .file(new MockMultipartFile("file", "people.csv", "text/csv", content))
                        .with(csrf())
                        .with(admin);
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return request.exchange();
    }

    @Test
    void showsEveryRowErrorInATableAndImportsNothing() {
        String csv =
                "employee_id,email,first_name,last_name,level\nE1,ada@acme.test,Ada,Ames,senior\nE2,bo,Bo,Berg,3\n";

        assertThat(upload(csv.getBytes(StandardCharsets.UTF_8), false))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains(
                        "Nothing was imported from people.csv",
                        "2 problems to fix",
                        "<td>level</td>",
                        "<td>email</td>")
                .contains("Level must be a whole number, not “senior”.");
        assertThat(people.count(org.id())).isZero();
    }

    @Test
    void answersHtmxWithTheOutcomeFragmentOnly() {
        String csv = "employee_id,email,first_name,last_name\nE1,ada@acme.test,Ada,Ames\n";

        assertThat(upload(csv.getBytes(StandardCharsets.UTF_8), true))
                .hasStatusOk()
                .bodyText()
                .contains("1 created", "0 updated")
                .doesNotContain("<html", "<form");
        assertThat(people.count(org.id())).isEqualTo(1);
    }

    @Test
    void refusesFilesOverTwentyMegabytesWithAMessage() {
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');

        assertThat(upload(huge, true))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .bodyText()
                .contains("larger than the limit of 20 MB");
    }

    @Test
    void employeesCannotOpenTheImportPage() {
        assertThat(
                        mvc.get()
                                .uri("/people/import")
                                .with(
                                        TestOrganisations.signedIn(
                                                org.id(), "e@acme.test", Role.EMPLOYEE)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
