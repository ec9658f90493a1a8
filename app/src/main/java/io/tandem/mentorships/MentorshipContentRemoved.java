package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;

/** The retention run removed the content of this many ended mentorships. Counts only. */
public record MentorshipContentRemoved(OrganisationId organisationId, int mentorships, int rows) {}
