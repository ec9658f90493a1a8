-- What each person wants per kind of notification, and the secret in their one-click links.
create table notification_preference (
    organisation_id uuid         not null references organisation (id),
    email           varchar(320) not null,
    kind            varchar(40)  not null,
    delivery        varchar(20)  not null,
    primary key (organisation_id, email, kind)
);

create table notification_subscriber (
    token           varchar(64)  primary key,
    organisation_id uuid         not null references organisation (id),
    email           varchar(320) not null,
    constraint notification_subscriber_person unique (organisation_id, email)
);

-- The one-click address for RFC 8058 List-Unsubscribe headers; null for mail without one.
alter table outbox_mail add column unsubscribe_url varchar(1000);
