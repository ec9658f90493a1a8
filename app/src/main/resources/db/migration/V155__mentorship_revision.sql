-- Moves with every mentorship inserted in the organisation, so that each instance can keep the
-- pairs counted per program (a manager's home page) until it moves, instead of counting every
-- mentorship of the organisation on every view (issue 17). No row reads as revision 0.
create table mentorship_revision (
    organisation_id uuid   primary key,
    revision        bigint not null
);
