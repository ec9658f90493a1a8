package io.tandem.identity;

import java.util.UUID;

/**
 * Someone asked for a one-time link to be mailed to an account: an admin for an activation, or the
 * account's owner for a reset. Carries ids only; the link itself is made by {@link
 * IdentityManagement#issueLink(AccountLinkRequested)} when the mail is written, so its secret is
 * never stored in an event.
 *
 * @param requestId makes issuing the link for this request happen at most once
 */
public record AccountLinkRequested(
        OrganisationId organisationId,
        UUID accountId,
        UUID requestId,
        AccountLinkPurpose purpose) {}
