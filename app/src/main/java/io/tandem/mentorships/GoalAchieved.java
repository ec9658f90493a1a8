package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import java.util.UUID;

/** A pair marked one of their goals achieved. */
public record GoalAchieved(OrganisationId organisationId, MentorshipId mentorshipId, UUID goalId) {}
