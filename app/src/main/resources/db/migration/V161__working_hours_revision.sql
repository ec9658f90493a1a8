-- Moves with every working week saved in the organisation, so that each instance can keep the
-- working hours the pair's workspace shows for its two people on every view (issue 17). No row
-- reads as revision 0.
create table working_hours_revision (
    organisation_id uuid   primary key,
    revision        bigint not null
);
