package io.tandem.people;

import io.tandem.identity.OrganisationId;

/** Someone downloaded a person's personal data (they themselves or an admin). Ids only. */
public record PersonalDataExported(OrganisationId organisationId, PersonId personId) {}
