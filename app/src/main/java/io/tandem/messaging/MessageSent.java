package io.tandem.messaging;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import io.tandem.people.PersonId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message was posted (once per message, not per retry). Ids only.
 *
 * @param mentorshipId the pair's mentorship, or {@code null} for a circle's conversation
 */
public record MessageSent(
        OrganisationId organisationId,
        UUID conversationId,
        MentorshipId mentorshipId,
        UUID messageId,
        PersonId authorId,
        Instant sentAt) {}
