-- Moves with every program written in the organisation (its fields, status, rules, goal sharing),
-- so that each instance can keep the program every page of it and every pair's workspace reads
-- on each view (issue 17). No row reads as revision 0.
create table program_revision (
    organisation_id uuid   primary key,
    revision        bigint not null
);
