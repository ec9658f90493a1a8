create table mentorship (
    id              uuid primary key,
    organisation_id uuid        not null,
    program_id      uuid        not null references program (id),
    mentor_id       uuid        not null references person (id),
    mentee_id       uuid        not null references person (id),
    status          varchar(20) not null,
    score           int,
    source          uuid,
    started_on      date        not null,
    created_at      timestamp   not null,
    updated_at      timestamp   not null,
    constraint mentorship_pair unique (program_id, mentor_id, mentee_id)
);
create index mentorship_program on mentorship (organisation_id, program_id);
create index mentorship_mentor on mentorship (organisation_id, mentor_id);
create index mentorship_mentee on mentorship (organisation_id, mentee_id);
