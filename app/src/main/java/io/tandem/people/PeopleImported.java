package io.tandem.people;

import io.tandem.identity.OrganisationId;

/** An HR file was imported: counts only. */
public record PeopleImported(
        OrganisationId organisationId, int created, int updated, int unchanged) {}
