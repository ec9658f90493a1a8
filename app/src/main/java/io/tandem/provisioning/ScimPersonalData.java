package io.tandem.provisioning;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity provider's id for the person. Erasure forgets it (it is often the e-mail), so the
 * provider no longer finds the former member; a new provisioning creates a new person.
 */
@Component
class ScimPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    ScimPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        return Map.of(
                "provisioning",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select external_id, deleted_at from scim_user"
                                                + " where organisation_id = ? and person_id = ?")
                                .params(organisation.value(), person.value())
                                .query()
                                .listOfRows()));
    }

    @Override
    public int erase(ErasedPerson person) {
        return jdbc.sql("delete from scim_user where organisation_id = ? and person_id = ?")
                .params(person.organisation().value(), person.id().value())
                .update();
    }
}
