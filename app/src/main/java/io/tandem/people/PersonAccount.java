package io.tandem.people;

import io.tandem.identity.AccountState;

/** A person and whether they can sign in, for the admins' accounts page. */
public record PersonAccount(PersonSummary person, AccountState account) {}
