package io.tandem.people;

import io.tandem.shared.Paged;

/**
 * The organisation's people by whether they can sign in: one page of them, and the counts.
 *
 * @param waiting active people who cannot sign in yet (no account, or activation not used)
 */
public record AccountsOverview(
        Paged<PersonAccount> page, long activated, long invited, long waiting, long inactive) {}
