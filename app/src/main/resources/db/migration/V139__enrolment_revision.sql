-- Moves with every enrolment written in the organisation, so that each instance can keep a
-- program's enrolment figures (and its people's spread) until it moves, instead of counting
-- thousands of enrolments on every page (issue 17). No row reads as revision 0.
create table enrolment_revision (
    organisation_id uuid   primary key,
    revision        bigint not null
);
