-- The transactional outbox: a mail is a row written in the business transaction that asks for it,
-- so a rolled-back transaction sends nothing; a poller on any instance claims and sends it later.
create table outbox_mail (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id),
    recipient       varchar(320) not null,
    subject         varchar(500) not null,
    body            text         not null,
    status          varchar(20)  not null,
    attempts        int          not null,
    last_error      varchar(1000),
    created_at      timestamp    not null,
    next_attempt_at timestamp    not null,
    claimed_at      timestamp,
    sent_at         timestamp
);
create index outbox_mail_organisation on outbox_mail (organisation_id, created_at);
create index outbox_mail_due on outbox_mail (status, next_attempt_at);
