create table person (
    id               uuid primary key,
    organisation_id  uuid         not null references organisation (id),
    employee_id      varchar(100) not null,
    email            varchar(320) not null,
    email_key        varchar(320) not null,
    first_name       varchar(200) not null,
    last_name        varchar(200) not null,
    title            varchar(200),
    job_level        int,
    division         varchar(200),
    function_name    varchar(200),
    location         varchar(200),
    time_zone        varchar(64)  not null,
    work_mode        varchar(20),
    manager_id       uuid,
    status           varchar(20)  not null,
    languages        varchar(1000) not null,
    skills           varchar(4000) not null,
    skills_wanted    varchar(4000) not null,
    aspired_division varchar(200),
    aspired_location varchar(200),
    bio              varchar(4000),
    search_text      varchar(2000) not null,
    created_at       timestamp    not null,
    updated_at       timestamp    not null,
    constraint person_employee unique (organisation_id, employee_id),
    constraint person_email unique (organisation_id, email_key)
);
create index person_manager on person (organisation_id, manager_id);
create index person_name on person (organisation_id, last_name, first_name);

-- One row per (person, kind, value) so the directory can filter by skill or language with an index.
create table person_tag (
    organisation_id uuid         not null,
    person_id       uuid         not null references person (id) on delete cascade,
    kind            varchar(16)  not null,
    tag_key         varchar(200) not null,
    primary key (person_id, kind, tag_key)
);
create index person_tag_lookup on person_tag (organisation_id, kind, tag_key);
