package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemIntegrationTest;
import io.tandem.identity.IdentityManagement;
import io.tandem.identity.OrganisationId;
import io.tandem.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TandemIntegrationTest
class DemoOrganisationIntegrationTests {

    @Autowired PeopleManagement people;
    @Autowired IdentityManagement identity;

    @Test
    void theDemoOrganisationLooksLikeARealCompany() {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();
        List<PersonSummary> everyone =
                people.search(demo, DirectoryQuery.all(), PageQuery.of(0, 200)).items();
        long total = people.count(demo);
        List<PersonSummary> all = new java.util.ArrayList<>(everyone);
        all.addAll(people.search(demo, DirectoryQuery.all(), PageQuery.of(1, 200)).items());

        assertThat(total).isBetween(280L, 320L);
        assertThat(all.stream().map(PersonSummary::division).collect(Collectors.toSet()))
                .hasSize(6);
        assertThat(all.stream().map(PersonSummary::function).collect(Collectors.toSet()))
                .hasSize(8);
        assertThat(all.stream().map(PersonSummary::location).collect(Collectors.toSet()))
                .hasSize(6);
        assertThat(all.stream().map(PersonSummary::timeZone).collect(Collectors.toSet()).size())
                .isGreaterThanOrEqualTo(4);
        assertThat(all.stream().map(PersonSummary::workMode).collect(Collectors.toSet()))
                .contains(WorkMode.FIELD, WorkMode.HOME_OFFICE);
        Map<PersonId, PersonId> managerOf = new HashMap<>();
        all.forEach(p -> managerOf.put(p.id(), p.managerId()));
        int deepest = 0;
        for (PersonSummary person : all) {
            int depth = 1;
            for (PersonId m = person.managerId(); m != null; m = managerOf.get(m)) {
                depth++;
            }
            deepest = Math.max(deepest, depth);
        }
        assertThat(deepest).isEqualTo(4);
        assertThat(people.findByEmail(demo, DemoOrganisation.MENTEE_EMAIL))
                .get()
                .extracting(PersonSummary::aspiredDivision)
                .isEqualTo("Digital Services");
    }

    @Test
    void loadingTheDemoAgainChangesNothing() {
        OrganisationId demo =
                identity.findOrganisation(IdentityManagement.DEFAULT_ORGANISATION).orElseThrow();

        ImportResult again =
                people.importCsv(demo, DemoOrganisation.csv().getBytes(StandardCharsets.UTF_8));

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo((int) DemoOrganisation.csv().lines().count() - 1);
        assertThat(Set.of(again.warnings().toArray())).isEmpty();
    }
}
