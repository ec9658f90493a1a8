package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The workspace's part of an ended mentorship's content: notes and closure-survey free text. */
@Component
class WorkspaceContentRetention implements EndedMentorshipContent {

    private final JdbcClient jdbc;

    WorkspaceContentRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int removeContent(OrganisationId organisation, List<MentorshipId> mentorships) {
        List<UUID> ids = mentorships.stream().map(MentorshipId::value).toList();
        int rows =
                jdbc.sql(
                                "delete from note where organisation_id = :org and mentorship_id in (:ids)")
                        .param("org", organisation.value())
                        .param("ids", ids)
                        .update();
        return rows
                + jdbc.sql(
                                "update closure_survey set achieved = '' where organisation_id = :org"
                                        + " and mentorship_id in (:ids)")
                        .param("org", organisation.value())
                        .param("ids", ids)
                        .update();
    }
}
