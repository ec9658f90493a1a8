package io.tandem.identity;

import java.util.UUID;

/** An API token was revoked and no longer signs anything in. */
public record ApiTokenRevoked(OrganisationId organisationId, UUID tokenId) {}
