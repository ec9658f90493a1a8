package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import java.time.Instant;
import java.util.UUID;

/**
 * A meeting of a mentorship took place, as one of the two said (ids only). Published once per
 * meeting — for a repeating meeting, once per occurrence — however many times either person says
 * so; {@code heldAt} is when that occurrence started.
 */
public record MeetingHeld(
        OrganisationId organisationId, MentorshipId mentorshipId, UUID meetingId, Instant heldAt) {}
