package io.tandem.mentorships;

import io.tandem.identity.OrganisationId;
import io.tandem.programs.ProgramId;

/** Both people of a pair have signed the current version of their mentoring agreement. */
public record AgreementSigned(
        OrganisationId organisationId, MentorshipId mentorshipId, ProgramId programId) {}
