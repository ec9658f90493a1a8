package io.tandem.identity;

import java.util.UUID;

/** An API token was created (its secret is never in an event). */
public record ApiTokenIssued(OrganisationId organisationId, UUID tokenId, String name, Role role) {}
