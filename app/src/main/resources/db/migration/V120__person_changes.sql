-- What the HR system changed about a person, import after import (CSV or SCIM): leaving, coming
-- back, moving to another division or location. Outcome reports compare people who took part in
-- a program with people who did not, over these changes.
create table person_change (
    id              uuid         primary key,
    organisation_id uuid         not null,
    person_id       uuid         not null references person (id) on delete cascade,
    kind            varchar(20)  not null,
    from_value      varchar(200),
    to_value        varchar(200),
    changed_at      timestamp    not null
);
create index person_change_since on person_change (organisation_id, changed_at);
create index person_change_person on person_change (person_id);
