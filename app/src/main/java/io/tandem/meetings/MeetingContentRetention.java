package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.EndedMentorshipContent;
import io.tandem.mentorships.MentorshipId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Meetings' part of an ended mentorship's content: agendas and meeting notes. */
@Component
class MeetingContentRetention implements EndedMentorshipContent {

    private final JdbcClient jdbc;

    MeetingContentRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int removeContent(OrganisationId organisation, List<MentorshipId> mentorships) {
        List<UUID> ids = mentorships.stream().map(MentorshipId::value).toList();
        int rows =
                jdbc.sql(
                                "delete from meeting_note where organisation_id = :org and meeting_id in"
                                        + " (select id from meeting where organisation_id = :org"
                                        + " and mentorship_id in (:ids))")
                        .param("org", organisation.value())
                        .param("ids", ids)
                        .update();
        return rows
                + jdbc.sql(
                                "update meeting set agenda = null where organisation_id = :org"
                                        + " and mentorship_id in (:ids) and agenda is not null")
                        .param("org", organisation.value())
                        .param("ids", ids)
                        .update();
    }
}
