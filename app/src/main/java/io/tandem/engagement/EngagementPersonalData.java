package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The check-in and survey answers the person gave. Erasure removes their free text ("what is
 * blocking you"); the ratings stay, so the program's figures keep their counts.
 */
@Component
class EngagementPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    EngagementPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        return Map.of(
                "checkInAnswers",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select id, program_id, mentorship_id, kind, cadence_period, met,"
                                                + " usefulness, goal_progress, blocking, share_blocking,"
                                                + " awareness, connection, ideas, answered_at"
                                                + " from check_in_answer where organisation_id = ? and person_id = ?"
                                                + " order by answered_at, id")
                                .params(organisation.value(), person.value())
                                .query()
                                .listOfRows()));
    }

    @Override
    public int erase(ErasedPerson person) {
        return jdbc.sql(
                        "update check_in_answer set blocking = null where organisation_id = ?"
                                + " and person_id = ? and blocking is not null")
                .params(person.organisation().value(), person.id().value())
                .update();
    }
}
