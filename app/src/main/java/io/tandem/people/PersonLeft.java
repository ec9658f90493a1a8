package io.tandem.people;

import io.tandem.identity.OrganisationId;

/** An import marked an active person inactive: they have left the organisation. */
public record PersonLeft(OrganisationId organisationId, PersonId personId) {}
