package io.tandem.people;

import static io.tandem.OnAPage.onAPage;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.TestOrganisations;
import io.tandem.TestOrganisations.TestOrganisation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages find the viewer by e-mail and the people they show from what this instance kept: a rename
 * (on any instance) shows on the next page, never an older name.
 */
@TandemIntegrationTest
class KeptPeopleIntegrationTests {

    static final String HEADER = "employee_id,email,first_name,last_name\n";

    @Autowired TestOrganisations organisations;
    @Autowired PeopleManagement people;

    @Test
    void aPageShowsAPersonRenamedAfterAnEarlierPageKeptThem() {
        TestOrganisation org = organisations.create();
        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,Before"));
        PersonId kim = onAPage(() -> people.findByEmail(org.id(), "kim@kept.test")).get().id();
        assertThat(onAPage(() -> people.find(org.id(), kim)).get().lastName()).isEqualTo("Before");
        assertThat(onAPage(() -> people.findAll(org.id(), List.of(kim))).get(kim).lastName())
                .isEqualTo("Before");

        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,After"));

        assertThat(onAPage(() -> people.findByEmail(org.id(), "kim@kept.test")).get().lastName())
                .isEqualTo("After");
        assertThat(onAPage(() -> people.find(org.id(), kim)).get().lastName()).isEqualTo("After");
        assertThat(onAPage(() -> people.findAll(org.id(), List.of(kim))).get(kim).lastName())
                .isEqualTo("After");
    }

    @Test
    void someoneWithoutAProfileIsFoundOnceTheyAreImported() {
        TestOrganisation org = organisations.create();
        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,Kept"));
        assertThat(onAPage(() -> people.findByEmail(org.id(), "lee@kept.test"))).isEmpty();

        people.importCsv(org.id(), csv("K1,kim@kept.test,Kim,Kept\nK2,lee@kept.test,Lee,Later"));

        assertThat(onAPage(() -> people.findByEmail(org.id(), "lee@kept.test")))
                .hasValueSatisfying(lee -> assertThat(lee.firstName()).isEqualTo("Lee"));
    }

    @Test
    void aProfileShowsItsReportingLineAsItIsAfterAManagerChangesOrIsRenamed() {
        TestOrganisation org = organisations.create();
        people.importCsv(
                org.id(),
                managed(
                        "T1,top@kept.test,Tess,Top,\n"
                                + "M1,mid@kept.test,Max,Middle,T1\n"
                                + "O1,other@kept.test,Olga,Other,T1\n"
                                + "K1,kim@kept.test,Kim,Kept,M1"));
        PersonId kim = onAPage(() -> people.findByEmail(org.id(), "kim@kept.test")).get().id();
        PersonId middle = onAPage(() -> people.findByEmail(org.id(), "mid@kept.test")).get().id();
        assertThat(names(onAPage(() -> people.reportingLine(org.id(), kim)).managersFromTop()))
                .containsExactly("Tess Top", "Max Middle");
        assertThat(names(onAPage(() -> people.reportingLine(org.id(), middle)).directReports()))
                .containsExactly("Kim Kept");

        people.importCsv(
                org.id(),
                managed(
                        "T1,top@kept.test,Tess,Renamed,\n"
                                + "M1,mid@kept.test,Max,Middle,T1\n"
                                + "O1,other@kept.test,Olga,Other,T1\n"
                                + "K1,kim@kept.test,Kim,Kept,O1"));

        assertThat(names(onAPage(() -> people.reportingLine(org.id(), kim)).managersFromTop()))
                .containsExactly("Tess Renamed", "Olga Other");
        assertThat(onAPage(() -> people.reportingLine(org.id(), middle)).directReports()).isEmpty();
    }

    private static List<String> names(List<PersonSummary> people) {
        return people.stream().map(PersonSummary::name).toList();
    }

    private static byte[] managed(String rows) {
        return ("employee_id,email,first_name,last_name,manager_employee_id\n" + rows + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
