create table program (
    id                   uuid primary key,
    organisation_id      uuid          not null references organisation (id),
    name                 varchar(200)  not null,
    description          varchar(4000),
    template             varchar(40)   not null,
    format               varchar(20)   not null,
    starts_on            date,
    ends_on              date,
    meeting_cadence      varchar(20)   not null,
    relationship_months  int           not null,
    matching_mode        varchar(10)   not null,
    default_capacity     int           not null,
    enrolment_opens_on   date,
    enrolment_closes_on  date,
    approval_required    boolean       not null,
    status               varchar(20)   not null,
    agreement_text       varchar(8000),
    suggested_goals      varchar(8000) not null,
    created_at           timestamp     not null,
    updated_at           timestamp     not null
);
create index program_organisation on program (organisation_id, status);

create table program_rule (
    program_id uuid        not null references program (id) on delete cascade,
    position   int         not null,
    criterion  varchar(30) not null,
    kind       varchar(30) not null,
    hard       boolean     not null,
    weight     int         not null,
    parameter  int,
    primary key (program_id, position)
);

create table enrolment (
    id               uuid primary key,
    organisation_id  uuid          not null,
    program_id       uuid          not null references program (id),
    person_id        uuid          not null references person (id),
    role             varchar(10)   not null,
    status           varchar(20)   not null,
    capacity         int,
    goals            varchar(4000),
    skills_wanted    varchar(4000) not null,
    skills_offered   varchar(4000) not null,
    aspired_division varchar(200),
    aspired_location varchar(200),
    preferences      varchar(4000),
    availability     varchar(1000),
    time_zone        varchar(64),
    invited_at       timestamp,
    enrolled_at      timestamp,
    decided_at       timestamp,
    decision_note    varchar(1000),
    updated_at       timestamp     not null,
    constraint enrolment_once unique (program_id, person_id, role)
);
create index enrolment_program on enrolment (organisation_id, program_id, status);
