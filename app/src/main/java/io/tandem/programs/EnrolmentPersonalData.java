package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's enrolments with what they told each program. Erasure empties what they wrote (goals,
 * preferences, availability, skills) and the manager's note on the decision; the enrolment, its
 * role and status stay for the program's counts.
 */
@Component
class EnrolmentPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;
    private final Enrolments enrolments;

    EnrolmentPersonalData(JdbcClient jdbc, Enrolments enrolments) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        return Map.of(
                "enrolments",
                PersonalDataContributor.portable(
                        jdbc.sql(
                                        "select e.id, e.program_id, p.name as program, e.role, e.status,"
                                                + " e.capacity, e.goals, e.skills_wanted, e.skills_offered,"
                                                + " e.aspired_division, e.aspired_location, e.preferences,"
                                                + " e.availability, e.time_zone, e.invited_at, e.enrolled_at,"
                                                + " e.decided_at, e.decision_note from enrolment e"
                                                + " join program p on p.id = e.program_id"
                                                + " where e.organisation_id = ? and e.person_id = ?"
                                                + " order by e.enrolled_at, e.id")
                                .params(organisation.value(), person.value())
                                .query()
                                .listOfRows()));
    }

    @Override
    public int erase(ErasedPerson person) {
        // What instances kept of the person's enrolments is read again.
        enrolments.moved(person.organisation());
        return jdbc.sql(
                        "update enrolment set goals = null, skills_wanted = '', skills_offered = '',"
                                + " aspired_division = null, aspired_location = null,"
                                + " preferences = null, availability = null, decision_note = null"
                                + " where organisation_id = ? and person_id = ?")
                .params(person.organisation().value(), person.id().value())
                .update();
    }
}
