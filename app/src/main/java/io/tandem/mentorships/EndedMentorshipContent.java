package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import java.util.List;

/**
 * A module's part of what a pair wrote, removed once their mentorship has been over longer than the
 * organisation keeps it ({@link RetentionManagement}). Implemented by each module that keeps pair
 * content; runs in the retention run's transaction.
 */
public interface EndedMentorshipContent {

    /**
     * Removes the text of these ended mentorships (notes, agendas, messages, free text); keeps the
     * rows that counts are made of.
     *
     * @return how many rows changed
     */
    int removeContent(OrganisationId organisation, List<MentorshipId> mentorships);
}
