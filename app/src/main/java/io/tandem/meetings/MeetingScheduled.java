package io.tandem.meetings;

import io.tandem.identity.OrganisationId;
import io.tandem.mentorships.MentorshipId;
import java.time.Instant;
import java.util.UUID;

/** A pair planned a meeting (ids only); {@code startsAt} is its first occurrence. */
public record MeetingScheduled(
        OrganisationId organisationId,
        MentorshipId mentorshipId,
        UUID meetingId,
        Instant startsAt) {}
