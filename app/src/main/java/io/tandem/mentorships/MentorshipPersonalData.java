package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.ErasedPerson;
import io.tandem.people.PersonId;
import io.tandem.people.PersonalDataContributor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's mentorships and what they wrote in them. Erasure ends their active mentorships
 * ("left the organisation"), removes their private notes and the free text of their closure
 * surveys, and replaces the text of their shared notes; the partner's content and every count stay.
 */
@Component
@Order(10)
class MentorshipPersonalData implements PersonalDataContributor {

    static final String REMOVED = "";

    private final JdbcClient jdbc;
    private final WorkspaceManagement workspaces;

    MentorshipPersonalData(JdbcClient jdbc, WorkspaceManagement workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
    }

    /** One part of the export: its name and the statement that reads the person's own rows. */
    private record Part(String name, String sql) {}

    /** The parts, in the order the export lists them. */
    private static final List<Part> PARTS =
            List.of(
                    new Part(
                            "mentorships",
                            "select m.id, m.program_id, p.name as program,"
                                    + " case when m.mentor_id = :person then 'MENTOR' else 'MENTEE' end as role,"
                                    + " m.status, m.started_on, m.planned_end_on, m.ended_on, m.end_reason"
                                    + " from mentorship m join program p on p.id = m.program_id"
                                    + " where m.organisation_id = :org and (m.mentor_id = :person or m.mentee_id = :person)"
                                    + " order by m.started_on, m.id"),
                    new Part(
                            "agreements",
                            "select a.mentorship_id, a.terms, a.expectations, a.meetings, a.confidentiality,"
                                    + " a.duration, a.version, a.mentor_signed_at, a.mentee_signed_at"
                                    + " from agreement a join mentorship m on m.id = a.mentorship_id"
                                    + " where a.organisation_id = :org and (m.mentor_id = :person or m.mentee_id = :person)"
                                    + " order by a.mentorship_id"),
                    new Part(
                            "goals",
                            "select id, mentorship_id, title, measure, target_on, skill, status, progress,"
                                    + " created_at, achieved_at from goal"
                                    + " where organisation_id = :org and created_by = :person order by created_at, id"),
                    new Part(
                            "goalUpdates",
                            "select id, goal_id, percent, comment, created_at from goal_update"
                                    + " where organisation_id = :org and author = :person order by created_at, id"),
                    new Part(
                            "actionItems",
                            "select id, mentorship_id, title, due_on, done_at, created_at,"
                                    + " created_by = :person as written_by_you, assignee = :person as assigned_to_you"
                                    + " from action_item where organisation_id = :org"
                                    + " and (created_by = :person or assignee = :person) order by created_at, id"),
                    new Part(
                            "notes",
                            "select id, mentorship_id, shared, body, created_at from note"
                                    + " where organisation_id = :org and author = :person order by created_at, id"),
                    new Part(
                            "closureSurveys",
                            "select mentorship_id, achieved, partnership_rating, partner_rating, again,"
                                    + " answered_at from closure_survey"
                                    + " where organisation_id = :org and person_id = :person order by answered_at"));

    @Override
    public Map<String, Object> export(OrganisationId organisation, PersonId person) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (Part part : PARTS) {
            parts.put(part.name(), rows(part.sql(), organisation.value(), person.value()));
        }
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
        int changed = workspaces.endAllOf(person.organisation(), person.id());
        changed +=
                jdbc.sql(
                                "delete from note where organisation_id = ? and author = ? and shared = false")
                        .params(org, id)
                        .update();
        changed +=
                jdbc.sql("update note set body = ? where organisation_id = ? and author = ?")
                        .params(REMOVED, org, id)
                        .update();
        changed +=
                jdbc.sql(
                                "update closure_survey set achieved = ? where organisation_id = ?"
                                        + " and person_id = ?")
                        .params(REMOVED, org, id)
                        .update();
        return changed;
    }
}
