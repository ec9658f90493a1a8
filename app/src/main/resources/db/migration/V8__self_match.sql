-- Self-match: a mentee asks a recommended mentor, who accepts or declines. An open request whose
-- expires_at has passed reads as EXPIRED, and a sweep writes that status down.
create table self_match_request (
    id              uuid primary key,
    organisation_id uuid          not null,
    program_id      uuid          not null references program (id),
    mentee_id       uuid          not null references person (id),
    mentor_id       uuid          not null references person (id),
    message         varchar(2000),
    score           int           not null,
    status          varchar(20)   not null,
    reason          varchar(1000),
    created_at      timestamp     not null,
    expires_at      timestamp     not null,
    decided_at      timestamp
);
create index self_match_request_mentee on self_match_request (organisation_id, mentee_id, status);
create index self_match_request_mentor on self_match_request (organisation_id, mentor_id, status);
create index self_match_request_program on self_match_request (program_id, mentee_id, status);
create index self_match_request_expiry on self_match_request (status, expires_at);

-- One row per person and side (MENTEE or MENTOR) of a program. Sending or accepting a request
-- locks the rows it touches (select ... for update; mentee before mentor, so two acceptances never
-- wait on each other in a circle), which makes acceptances for one mentor, and for one mentee,
-- happen one at a time: a mentor's capacity is checked against committed places only.
create table self_match_lock (
    program_id uuid       not null,
    person_id  uuid       not null,
    side       varchar(6) not null,
    primary key (program_id, person_id, side)
);

-- A mentor's places taken in a program are the pairs published there (bulk or self-match).
create index published_pair_mentor on published_pair (program_id, mentor_id);
