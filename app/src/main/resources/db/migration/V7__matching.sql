create table match_run (
    id              uuid primary key,
    organisation_id uuid             not null,
    program_id      uuid             not null references program (id),
    objective       varchar(20)      not null,
    algorithm       varchar(20)      not null,
    status          varchar(20)      not null,
    progress        double precision not null,
    base_run_id     uuid,
    mentees         int,
    mentors         int,
    total           bigint,
    matched         int,
    unmatched       int,
    min_score       int,
    mean_score      double precision,
    max_score       int,
    cross_division  double precision,
    cross_location  double precision,
    cross_function  double precision,
    histogram       varchar(400),
    error           varchar(1000),
    created_at      timestamp        not null,
    finished_at     timestamp,
    published_at    timestamp
);
create index match_run_program on match_run (organisation_id, program_id, created_at);

create table match_proposal (
    run_id      uuid          not null references match_run (id) on delete cascade,
    mentee_id   uuid          not null,
    mentor_id   uuid          not null,
    score       int           not null,
    explanation varchar(2000) not null,
    locked      boolean       not null,
    manual      boolean       not null,
    primary key (run_id, mentee_id)
);

create table match_unmatched (
    run_id    uuid        not null references match_run (id) on delete cascade,
    mentee_id uuid        not null,
    reason    varchar(30) not null,
    primary key (run_id, mentee_id)
);

-- Pairs a program manager removed: later runs of the program leave them out.
create table match_exclusion (
    organisation_id uuid not null,
    program_id      uuid not null,
    mentee_id       uuid not null,
    mentor_id       uuid not null,
    primary key (program_id, mentee_id, mentor_id)
);

-- Every pair ever published, so no later run pairs the same two people again.
create table published_pair (
    organisation_id uuid      not null,
    program_id      uuid      not null,
    mentee_id       uuid      not null,
    mentor_id       uuid      not null,
    published_at    timestamp not null,
    primary key (organisation_id, program_id, mentee_id, mentor_id)
);
create index published_pair_people on published_pair (organisation_id, mentee_id, mentor_id);
