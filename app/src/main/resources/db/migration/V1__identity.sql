create table organisation (
    id          uuid primary key,
    slug        varchar(80)  not null unique,
    name        varchar(200) not null,
    created_at  timestamp    not null
);

create table account (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id),
    email           varchar(320) not null unique,
    display_name    varchar(200) not null,
    password_hash   varchar(200),
    role            varchar(20)  not null,
    enabled         boolean      not null,
    created_at      timestamp    not null
);
create index account_organisation on account (organisation_id);

create table api_token (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id),
    name            varchar(120) not null,
    token_hash      varchar(64)  not null unique,
    hint            varchar(12)  not null,
    role            varchar(20)  not null,
    created_by      varchar(320),
    created_at      timestamp    not null,
    last_used_at    timestamp,
    revoked_at      timestamp
);
create index api_token_organisation on api_token (organisation_id);

-- Spring Session JDBC, written once here so it is versioned like everything else.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
