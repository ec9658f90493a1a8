package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meetings the person organised or was invited to, and the meeting notes they wrote. Erasure
 * removes their private meeting notes and empties their shared ones, and ends their calendar feed;
 * the meetings themselves stay, so the pair's history and the counts do.
 */
@Component
class MeetingPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    MeetingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(
                "meetings",
                rows(
                        "select id, mentorship_id, title, agenda, starts_at, ends_at, zone, recurrence,"
                                + " place, location, status, response,"
                                + " organiser_id = :person as organised_by_you from meeting"
                                + " where organisation_id = :org and (organiser_id = :person or attendee_id = :person)"
                                + " order by starts_at, id",
                        organisation.value(),
                        person.value()));
        parts.put(
                "meetingNotes",
                rows(
                        "select id, meeting_id, shared, body, created_at from meeting_note"
                                + " where organisation_id = :org and author_id = :person order by created_at, id",
                        organisation.value(),
                        person.value()));
        return parts;
    }

    private java.util.List<Map<String, Object>> rows(String sql, UUID org, UUID person) {
        return PersonalDataContributor.portable(
                jdbc.sql(sql).param("org", org).param("person", person).query().listOfRows());
    }

    @Override
    public int erase(ErasedPerson person) {
        UUID org = person.organisation().value();
        UUID id = person.id().value();
        int changed =
                jdbc.sql(
                                "delete from meeting_note where organisation_id = ? and author_id = ?"
                                        + " and shared = false")
                        .params(org, id)
                        .update();
        changed +=
                jdbc.sql(
                                "update meeting_note set body = '' where organisation_id = ? and author_id = ?")
                        .params(org, id)
                        .update();
        changed +=
                jdbc.sql("delete from calendar_feed where organisation_id = ? and person_id = ?")
                        .params(org, id)
                        .update();
        return changed;
    }
}
