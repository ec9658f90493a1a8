package io.tandem;

import io.tandem.identity.OrganisationId;
import io.tandem.people.DirectoryQuery;
import io.tandem.people.PeopleManagement;
import io.tandem.people.PersonId;
import io.tandem.people.PersonSummary;
import io.tandem.shared.PageQuery;

/**
 * Finds an imported person by their employee ID. The directory's search also matches names and
 * e-mail addresses, so "E2" finds anyone whose random test e-mail contains "e2": only the exact
 * employee ID counts here.
 */
public final class TestPeople {

    private TestPeople() {}

    public static PersonId id(
            PeopleManagement people, OrganisationId organisation, String employeeId) {
        return people
                .search(
                        organisation,
                        new DirectoryQuery(employeeId, null, null, null, null, null, null),
                        PageQuery.of(0, 100))
                .items()
                .stream()
                .filter(p -> employeeId.equals(p.employeeId()))
                .map(PersonSummary::id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No person with employee ID " + employeeId));
    }
}
