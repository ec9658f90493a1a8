package io.tandem.engagement;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.EndedMentorshipContent;
import io.tandem.mentorships.MentorshipId;
import java.util.List;
import org.springframework.stereotype.Component;

/** Engagement's part of an ended mentorship's content: check-in free text; ratings stay. */
@Component
class CheckInContentRetention implements EndedMentorshipContent {

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CheckInContentRetention(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int removeContent(OrganisationId organisation, List<MentorshipId> mentorships) {
        return jdbc.sql(
                        "update check_in_answer set blocking = null where organisation_id = :org"
                                + " and mentorship_id in (:ids) and blocking is not null")
                .param("org", organisation.value())
                .param("ids", mentorships.stream().map(MentorshipId::value).toList())
                .update();
    }
}
