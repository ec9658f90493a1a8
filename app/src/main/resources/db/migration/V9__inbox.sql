-- In-app notifications: what a person sees under "Notifications" until they read it.
create table inbox_item (
    id              uuid primary key,
    organisation_id uuid          not null,
    recipient_email varchar(320)  not null,
    text            varchar(1000) not null,
    link            varchar(500),
    created_at      timestamp     not null,
    read_at         timestamp
);
create index inbox_item_recipient on inbox_item (organisation_id, recipient_email, created_at);
