package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.EndedMentorshipContent;
import io.tandem.mentorships.MentorshipId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messaging's part of an ended mentorship's content: the text of its messages, removed the way a
 * deleted message is, so the conversation's length and the counts stay.
 */
@Component
class MessageContentRetention implements EndedMentorshipContent {

    private final JdbcClient jdbc;

    private final Clock clock;

    MessageContentRetention(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public int removeContent(OrganisationId organisation, List<MentorshipId> mentorships) {
        List<java.util.UUID> ids = mentorships.stream().map(MentorshipId::value).toList();
        // Every message of these conversations now counts as deleted: none is unread any more.
        jdbc.sql(
                        "update conversation_member set unread_count = 0 where organisation_id ="
                                + " :org and conversation_id in (select id from conversation where"
                                + " organisation_id = :org and mentorship_id in (:ids))")
                .param("org", organisation.value())
                .param("ids", ids)
                .update();
        return jdbc.sql(
                        "update message set body = '', deleted_at = coalesce(deleted_at, :now)"
                                + " where organisation_id = :org and body <> '' and conversation_id in"
                                + " (select id from conversation where organisation_id = :org"
                                + " and mentorship_id in (:ids))")
                .param("now", Timestamp.from(clock.instant()))
                .param("org", organisation.value())
                .param("ids", ids)
                .update();
    }
}
