package io.tandem.identity;

import java.util.UUID;

/** An admin changed what an account may do; the account's sessions have ended. */
public record RoleChanged(OrganisationId organisationId, UUID accountId, Role from, Role to) {}
