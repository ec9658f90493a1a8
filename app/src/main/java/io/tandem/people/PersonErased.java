package io.tandem.people;

import io.tandem.identity.OrganisationId;

/**
 * A person was erased: pseudonymised everywhere, their private content removed. Ids and a count
 * only, never what was erased.
 *
 * @param changed how many rows the modules changed or removed
 */
public record PersonErased(OrganisationId organisationId, PersonId personId, int changed) {}
