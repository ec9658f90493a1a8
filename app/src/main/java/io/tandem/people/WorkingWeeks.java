package io.tandem.people;

import io.tandem.identity.OrganisationId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Working hours per person; a person without a row works the default hours. */
@Repository
class WorkingWeeks {

    private final JdbcClient jdbc;

    WorkingWeeks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<PersonId, WorkingHours> find(OrganisationId organisation, Collection<PersonId> people) {
        Map<PersonId, WorkingHours> hours = new HashMap<>();
        if (people.isEmpty()) {
            return hours;
        }
        List<UUID> ids = people.stream().map(PersonId::value).distinct().toList();
        jdbc.sql(
                        "select person_id, spec from working_hours where organisation_id = :org"
                                + " and person_id in (:ids)")
                .param("org", organisation.value())
                .param("ids", ids)
                .query(
                        (rs, n) ->
                                hours.put(
                                        new PersonId(rs.getObject("person_id", UUID.class)),
                                        WorkingHours.parse(rs.getString("spec"))))
                .list();
        return hours;
    }

    void save(OrganisationId organisation, PersonId person, WorkingHours hours, Instant now) {
        int updated =
                jdbc.sql(
                                "update working_hours set spec = ?, updated_at = ?"
                                        + " where person_id = ? and organisation_id = ?")
                        .params(
                                hours.spec(),
                                Timestamp.from(now),
                                person.value(),
                                organisation.value())
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "insert into working_hours (person_id, organisation_id, spec,"
                                    + " updated_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(person.value(), organisation.value(), hours.spec(), Timestamp.from(now))
                    .update();
        }
    }
}
