-- Leases for work one instance at a time should do (the resubmission of event publications that
-- did not complete): an instance holds a job while lease_until is in the future. Taking it is one
-- conditional update, which exactly one of several instances wins.
create table job_lease (
    name        varchar(100) primary key,
    holder      varchar(100),
    lease_until timestamp    not null
);
insert into job_lease (name, lease_until) values ('event-resubmission', timestamp '2000-01-01 00:00:00');
