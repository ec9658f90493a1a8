-- Office hours in FLASH programs: a mentor publishes an open slot; the first booking wins (a
-- conditional update on booked_by), and becomes a one-off meeting without a mentorship.
create table office_hour (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id),
    program_id      uuid        not null,
    mentor_id       uuid        not null references person (id),
    starts_at       timestamp   not null,
    ends_at         timestamp   not null,
    zone            varchar(64) not null,
    booked_by       uuid,
    meeting_id      uuid,
    booked_at       timestamp,
    created_at      timestamp   not null
);
create index office_hour_program on office_hour (organisation_id, program_id, starts_at);
