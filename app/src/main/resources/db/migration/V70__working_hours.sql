-- A person's working hours in their own time zone, as "MON 09:00-17:00;TUE ...": a missing day is a
-- day off. No row means the default, Monday to Friday 09:00-17:00.
create table working_hours (
    person_id       uuid primary key references person (id),
    organisation_id uuid         not null references organisation (id),
    spec            varchar(200) not null,
    updated_at      timestamp    not null
);
