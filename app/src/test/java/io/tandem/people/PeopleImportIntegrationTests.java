package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.identity.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@TandemIntegrationTest
class PeopleImportIntegrationTests {

    static final String HEADER =
            "employee_id,email,first_name,last_name,title,level,division,function,location,"
                    + "time_zone,work_mode,manager_employee_id,languages,skills,status\n";

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;

    TestOrganisation org;

    @BeforeEach
    void newOrganisation() {
        org = organisations.create();
    }

    MvcTestResult importCsv(String csv) {
        return importBytes(csv.getBytes(StandardCharsets.UTF_8));
    }

    MvcTestResult importBytes(byte[] body) {
        return mvc.post()
                .uri("/api/v1/people/import")
                .header(HttpHeaders.AUTHORIZATION, org.bearer())
                .contentType("text/csv")
                .content(body)
                .exchange();
    }

    MvcTestResult people(String... nameValues) {
        var request =
                mvc.get().uri("/api/v1/people").header(HttpHeaders.AUTHORIZATION, org.bearer());
        for (int i = 0; i < nameValues.length; i += 2) {
            request = request.param(nameValues[i], nameValues[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void importsPeopleWithForwardManagerReferencesAndReportsCounts() {
        String csv =
                HEADER
                        + "E2,bo@acme.test,Bo,Berg,Engineer,3,Tech,Engineering,Berlin,Europe/Berlin,home_office,E1,English;German,Java;Kotlin,ACTIVE\n"
                        + "E1,ada@acme.test,Ada,Ames,CTO,8,Tech,Engineering,London,Europe/London,FIELD,,English,Leadership,active\n";

        assertThat(importCsv(csv))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"created\":2,\"updated\":0,\"unchanged\":0,\"warnings\":[]}");

        assertThat(people("q", "bo berg"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"total\":1,\"page\":0,\"size\":50,\"items\":[{\"employeeId\":\"E2\","
                                + "\"workMode\":\"HOME_OFFICE\",\"languages\":[\"English\",\"German\"],"
                                + "\"skills\":[\"Java\",\"Kotlin\"],\"timeZone\":\"Europe/Berlin\",\"level\":3}]}");
    }

    @Test
    void secondImportOfTheSameFileChangesNothing() {
        String csv =
                "\uFEFF"
                        + HEADER.replace("\n", "\r\n")
                        + "E1,ada@acme.test,Ada,Ames,CTO,8,Tech,Engineering,London,Europe/London,FIELD,,English,\"Leadership; Strategy\",ACTIVE\r\n";
        assertThat(importCsv(csv)).hasStatusOk().bodyJson().isLenientlyEqualTo("{\"created\":1}");

        assertThat(importCsv(csv))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":1}");
    }

    @Test
    void upsertsByEmployeeIdInAnyColumnOrderAndReportsUnknownColumns() {
        importCsv(HEADER + "E1,ada@acme.test,Ada,Ames,CTO,8,Tech,Eng,London,UTC,FIELD,,,,\n");

        String reordered =
                "last_name,favourite_colour,employee_id,first_name,email,title\n"
                        + "Ames-Smith,blue,E1,Ada,ADA@acme.test,Chief Technology Officer\n";
        assertThat(importCsv(reordered))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"created\":0,\"updated\":1,\"unchanged\":0}")
                .extractingPath("$.warnings[0]")
                .asString()
                .contains("favourite_colour");

        assertThat(people("q", "ames-smith"))
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"total\":1,\"items\":[{\"title\":\"Chief Technology Officer\","
                                + "\"division\":\"Tech\",\"location\":\"London\"}]}");
    }

    @Test
    void refusesEveryBadRowAtOnceAndWritesNothing() {
        String csv =
                HEADER
                        + "E1,ada@acme.test,Ada,Ames,CTO,eight,Tech,Eng,London,Mars/Olympus,boat,,,,\n"
                        + "E2,not-an-email,Bo,Berg,Dev,3,Tech,Eng,London,UTC,FIELD,E9,,,\n"
                        + "E1,ADA@ACME.TEST,,Cole,Dev,3,Tech,Eng,London,UTC,FIELD,,,,sleeping\n"
                        + "E4,cy@acme.test,Cy,Cole,Dev,3,Tech,Eng,London,UTC,FIELD,E5,,,\n"
                        + "E5,di@acme.test,Di,Dunn,Dev,3,Tech,Eng,London,UTC,FIELD,E4,,,\n";

        MvcTestResult result = importCsv(csv);

        assertThat(result)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"status\":422,\"errors\":["
                                + "{\"row\":2,\"column\":\"level\"},"
                                + "{\"row\":2,\"column\":\"time_zone\"},"
                                + "{\"row\":2,\"column\":\"work_mode\"},"
                                + "{\"row\":3,\"column\":\"email\"},"
                                + "{\"row\":3,\"column\":\"manager_employee_id\"},"
                                + "{\"row\":4,\"column\":\"employee_id\"},"
                                + "{\"row\":4,\"column\":\"email\"},"
                                + "{\"row\":4,\"column\":\"first_name\"},"
                                + "{\"row\":4,\"column\":\"status\"},"
                                + "{\"row\":5,\"column\":\"manager_employee_id\"},"
                                + "{\"row\":6,\"column\":\"manager_employee_id\"}]}");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[4].message")
                .asString()
                .contains("E9");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[9].message")
                .asString()
                .contains("E4 → E5 → E4");
        assertThat(people()).bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void refusesAnEmailThatAnotherEmployeeAlreadyHas() {
        importCsv(HEADER + "E1,ada@acme.test,Ada,Ames,CTO,8,Tech,Eng,London,UTC,FIELD,,,,\n");

        assertThat(
                        importCsv(
                                HEADER
                                        + "E2,Ada@Acme.test,Bo,Berg,Dev,3,Tech,Eng,London,UTC,FIELD,,,,\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .isLenientlyEqualTo("{\"errors\":[{\"row\":2,\"column\":\"email\"}]}");
    }

    @Test
    void refusesACycleThroughPeopleAlreadyStored() {
        importCsv(
                HEADER
                        + "E1,ada@acme.test,Ada,Ames,CTO,8,Tech,Eng,London,UTC,FIELD,,,,\n"
                        + "E2,bo@acme.test,Bo,Berg,Dev,3,Tech,Eng,London,UTC,FIELD,E1,,,\n");

        assertThat(
                        importCsv(
                                "employee_id,email,first_name,last_name,manager_employee_id\nE1,ada@acme.test,Ada,Ames,E2\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"errors\":[{\"row\":2,\"column\":\"manager_employee_id\"}]}");
    }

    @Test
    void refusesMissingRequiredColumnsNamingThem() {
        assertThat(importCsv("employee_id,first_name\nE1,Ada\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .isLenientlyEqualTo(
                        "{\"errors\":[{\"row\":1,\"column\":\"email\"},{\"row\":1,\"column\":\"last_name\"}]}");
    }

    @Test
    void refusesEmptyFilesFilesWithoutHeaderAndFilesThatAreNotUtf8() {
        assertThat(importCsv("")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(importCsv("E1,ada@acme.test,Ada,Ames\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("header");
        byte[] latin1 =
                (HEADER + "E1,jose@acme.test,José,Núñez,,,,,,,,,,,\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(importBytes(latin1))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("UTF-8");
    }

    @Test
    void refusesFilesOverTwentyMegabytes() {
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');

        assertThat(importBytes(huge)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void keepsInactivePeopleAndMarksThem() {
        importCsv(
                HEADER + "E1,ada@acme.test,Ada,Ames,CTO,8,Tech,Eng,London,UTC,FIELD,,,,INACTIVE\n");

        assertThat(people("q", "ada"))
                .bodyJson()
                .isLenientlyEqualTo("{\"total\":1,\"items\":[{\"status\":\"INACTIVE\"}]}");
    }

    @Test
    void employeesMayNotImport() {
        String token = organisations.token(org, Role.EMPLOYEE);

        assertThat(
                        mvc.post()
                                .uri("/api/v1/people/import")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                                .contentType("text/csv")
                                .content(HEADER))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
