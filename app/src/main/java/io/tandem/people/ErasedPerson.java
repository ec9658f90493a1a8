package io.tandem.people;

import io.tandem.identity.OrganisationId;

/**
 * A person being erased, with the values they are known by until the erasure's transaction commits,
 * so each module can find and replace them.
 *
 * @param email the e-mail they had (lower case)
 * @param name their full name as it appears in mails and inbox items
 */
public record ErasedPerson(OrganisationId organisation, PersonId id, String email, String name) {}
