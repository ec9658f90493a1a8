package io.tandem.engagement;

import static io.tandem.TestOrganisations.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import io.tandem.TestPairs;
import io.tandem.identity.Role;
import io.tandem.mentorships.MentorshipManagement;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramDraft;
import io.tandem.programs.ProgramId;
import io.tandem.programs.ProgramManagement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Outcomes of people who took part against people like them who did not, from what a later HR
 * import says: who left, who moved. A hand-built organisation whose answer is known.
 */
@TandemIntegrationTest
class OutcomeComparisonIntegrationTests {

    @Autowired MockMvcTester mvc;
    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;
    @Autowired ProgramManagement programs;
    @Autowired io.tandem.programs.EnrolmentManagement enrolling;
    @Autowired MentorshipManagement mentorships;
    @Autowired ProgramReports reports;

    TestOrganisation org;
    ProgramId program;

    /** employee id → {division, level, location, status} as the HR system says today. */
    final Map<String, String[]> staff = new LinkedHashMap<>();

    @BeforeEach
    void anOrganisationWithAProgram() {
        org = organisations.create();
        for (int i = 1; i <= 6; i++) {
            staff.put("MENTOR" + i, new String[] {"Eng", "5", "Berlin", "active"});
            staff.put("MENTEE" + i, new String[] {"Eng", "3", "Berlin", "active"});
        }
        // Not taking part, standing where the participants stand: 10 at level 3, 5 at level 5.
        for (int i = 1; i <= 10; i++) {
            staff.put("PEER" + i, new String[] {"Eng", "3", "Lisbon", "active"});
        }
        for (int i = 1; i <= 5; i++) {
            staff.put("SENIOR" + i, new String[] {"Eng", "5", "Lisbon", "active"});
        }
        // Elsewhere (another division): never in the comparison, whatever happens to them.
        for (int i = 1; i <= 10; i++) {
            staff.put("SALES" + i, new String[] {"Sales", "3", "Berlin", "active"});
        }
        // Had left before the program began: not in the comparison.
        staff.put("GONE", new String[] {"Eng", "3", "Berlin", "inactive"});
        importStaff();
        program = programs.create(org.id(), ProgramDraft.of("Compared", "CROSS_DIVISIONAL")).id();
        for (int i = 1; i <= 6; i++) {
            TestPairs.start(
                    programs,
                    enrolling,
                    mentorships,
                    org.id(),
                    program,
                    person("MENTEE" + i),
                    person("MENTOR" + i),
                    50);
        }
    }

    @Test
    void participantsAreComparedWithPeopleFromTheirDivisionsAndLevels() {
        staff.get("MENTEE1")[3] = "inactive"; // a participant leaves
        staff.get("MENTEE2")[2] = "Lisbon"; // a participant moves location
        staff.get("PEER1")[3] = "inactive"; // two others leave
        staff.get("SENIOR1")[3] = "inactive";
        staff.get("PEER2")[0] = "Sales"; // another moves division: still counted as Eng level 3
        staff.get("SALES1")[3] = "inactive"; // outside the participants' divisions: not counted
        importStaff();

        ProgramReport.Comparison c = reports.report(org.id(), program).comparison();

        assertThat(c.since()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(c.shown()).isTrue();
        assertThat(c.participants()).isEqualTo(new ProgramReport.Side(12, 91.7, 8.3));
        assertThat(c.others()).isEqualTo(new ProgramReport.Side(15, 86.7, 6.7));
    }

    @Test
    void theDashboardTheApiAndTheCsvShowTheComparison() {
        staff.get("PEER1")[3] = "inactive";
        importStaff();

        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report", program.value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.comparison.others")
                .isEqualTo(Map.of("people", 15, "retainedPercent", 93.3, "movedPercent", 0.0));
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report.csv", program.value())
                                .header(HttpHeaders.AUTHORIZATION, org.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains("comparison,did not take part,people,15")
                .contains("comparison,took part,people,12")
                .containsPattern(
                        "comparison,did not take part,percent still in the organisation since [0-9-]+,93.3");
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}/dashboard", program.value())
                                .with(signedIn(org.id(), "hr@compared.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("Took part or not")
                .contains("Did not take part")
                .contains("93.3 %");
    }

    @Test
    void smallGroupsShowOnlyHowManyPeopleThereAre() {
        // Twelve took part; one other person stood where they stood.
        TestOrganisation small = organisations.create();
        StringBuilder csv =
                new StringBuilder("employee_id,email,first_name,last_name,division,level\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("R" + i + ",r" + i + "@small.test,Ren,R" + i + ",Eng,3\n");
            csv.append("T" + i + ",t" + i + "@small.test,Tor,T" + i + ",Eng,5\n");
        }
        csv.append("O1,o1@small.test,Oli,One,Eng,3\n");
        people.importCsv(small.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
        ProgramId few =
                programs.create(small.id(), ProgramDraft.of("Few", "CROSS_DIVISIONAL")).id();
        for (int i = 1; i <= 6; i++) {
            TestPairs.start(
                    programs,
                    enrolling,
                    mentorships,
                    small.id(),
                    few,
                    find(small, "r" + i + "@small.test"),
                    find(small, "t" + i + "@small.test"),
                    50);
        }

        ProgramReport.Comparison c = reports.report(small.id(), few).comparison();

        assertThat(c.shown()).isFalse();
        assertThat(c.participants()).isEqualTo(new ProgramReport.Side(12, null, null));
        assertThat(c.others()).isEqualTo(new ProgramReport.Side(1, null, null));
        assertThat(
                        mvc.get()
                                .uri("/api/v1/programs/{id}/report.csv", few.value())
                                .header(HttpHeaders.AUTHORIZATION, small.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains("comparison,did not take part,people,1")
                .doesNotContainPattern("comparison,[^\n]*percent");
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}/dashboard", few.value())
                                .with(signedIn(small.id(), "hr@small.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Not shown yet: each group needs 10 people or more (took part: 12, others: 1).");
    }

    @Test
    void aProgramWithoutPairsHasNoComparison() {
        ProgramId empty =
                programs.create(org.id(), ProgramDraft.of("Empty", "CROSS_DIVISIONAL")).id();

        assertThat(reports.report(org.id(), empty).comparison()).isNull();
        assertThat(
                        mvc.get()
                                .uri("/programs/{id}/dashboard", empty.value())
                                .with(signedIn(org.id(), "hr@compared.test", Role.ADMIN)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Took part or not");
    }

    private void importStaff() {
        StringBuilder csv =
                new StringBuilder(
                        "employee_id,email,first_name,last_name,division,level,location,status\n");
        staff.forEach(
                (id, v) ->
                        csv.append(
                                String.join(
                                                ",",
                                                id,
                                                id.toLowerCase() + "@compared.test",
                                                "First",
                                                id,
                                                v[0],
                                                v[1],
                                                v[2],
                                                v[3])
                                        + "\n"));
        people.importCsv(org.id(), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private PersonId person(String employeeId) {
        return find(org, employeeId.toLowerCase() + "@compared.test");
    }

    private PersonId find(TestOrganisation organisation, String email) {
        return people.findByEmail(organisation.id(), email).orElseThrow().id();
    }
}
