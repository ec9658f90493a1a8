-- One-time links to set a password: activation for a new account, reset for a forgotten password.
-- Only a SHA-256 of the secret is kept; request_id makes issuing a link for one request idempotent.
create table account_token (
    id          uuid primary key,
    account_id  uuid        not null references account (id) on delete cascade,
    purpose     varchar(20) not null,
    token_hash  varchar(64) not null unique,
    request_id  uuid        not null unique,
    created_at  timestamp   not null,
    expires_at  timestamp   not null,
    used_at     timestamp
);
create index account_token_account on account_token (account_id, purpose, created_at);

-- An account exists for an imported person once an activation was asked for; it has no password
-- until the person follows the link.
alter table account add column activated_at timestamp;
alter table account add column activation_requested_at timestamp;
update account set activated_at = created_at where password_hash is not null;

-- Failed sign-ins, counted in the database so that every instance sees the same counts. One row per
-- key: an account, a client address, or the pair of both.
create table login_attempt (
    attempt_key     varchar(400) primary key,
    failures        int          not null,
    last_failure_at timestamp    not null,
    blocked_until   timestamp
);
