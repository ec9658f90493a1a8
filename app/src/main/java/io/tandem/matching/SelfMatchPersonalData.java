package io.tandem.matching;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mentor requests the person sent or received. Erasure removes the text they wrote: the message
 * of a request they sent, the reason of one they declined.
 */
@Component
class SelfMatchPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    SelfMatchPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        return Map.of(
                "mentorRequests",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select id, program_id, case when mentee_id = :person then 'SENT'"
                                                + " else 'RECEIVED' end as direction, message, status,"
                                                + " reason, created_at, decided_at from self_match_request"
                                                + " where organisation_id = :org"
                                                + " and (mentee_id = :person or mentor_id = :person)"
                                                + " order by created_at, id")
                                .param("org", organisation.value())
                                .param("person", person.value())
                                .query()
                                .listOfRows()));
    }

    @Override
    public int erase(ErasedPerson person) {
        int changed =
                jdbc.sql(
                                "update self_match_request set message = null where organisation_id = ?"
                                        + " and mentee_id = ? and message is not null")
                        .params(person.organisation().value(), person.id().value())
                        .update();
        return changed
                + jdbc.sql(
                                "update self_match_request set reason = null where organisation_id = ?"
                                        + " and mentor_id = ? and reason is not null")
                        .params(person.organisation().value(), person.id().value())
                        .update();
    }
}
