package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.people.PersonId;
import io.tandem.programs.ProgramId;
import java.time.LocalDate;

/**
 * A mentorship's planned end is near (or has passed while it is still active): both people are
 * asked to close it well or agree an extension. Published once per planned end.
 */
public record PlannedEndApproaching(
        OrganisationId organisationId,
        MentorshipId mentorshipId,
        ProgramId programId,
        PersonId mentorId,
        PersonId menteeId,
        LocalDate plannedEndOn) {}
