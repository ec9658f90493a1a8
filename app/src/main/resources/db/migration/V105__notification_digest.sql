-- Mails a person chose to receive in a daily digest, held here until their digest goes out.
create table notification_digest_item (
    id              uuid          primary key,
    organisation_id uuid          not null references organisation (id),
    email           varchar(320)  not null,
    dedup_key       varchar(200),
    kind            varchar(40)   not null,
    subject         varchar(500)  not null,
    body            text          not null,
    created_at      timestamp     not null,
    digested_at     timestamp,
    constraint notification_digest_item_key unique (organisation_id, dedup_key)
);
create index notification_digest_item_pending
    on notification_digest_item (organisation_id, email, digested_at);
