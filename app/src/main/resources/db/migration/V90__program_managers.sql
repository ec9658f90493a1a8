-- Program managers (issue 15.5): a PROGRAM_MANAGER manages only the programs they are assigned
-- to here; admins manage every program of their organisation.
create table program_manager (
    program_id      uuid      not null references program (id) on delete cascade,
    person_id       uuid      not null references person (id),
    organisation_id uuid      not null references organisation (id),
    assigned_at     timestamp not null,
    primary key (program_id, person_id)
);
create index program_manager_person on program_manager (organisation_id, person_id);
