-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0), made
-- by Flyway like every other table instead of by Modulith at start-up. The columns are Modulith's;
-- the serialized event is an unbounded varchar (no 4,000-character cap on H2, same type on both
-- databases). Events carry ids only, so they stay short anyway.
create table if not exists event_publication (
    id                     uuid                     not null,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar                  not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
-- A database where Modulith created the table itself has the old, capped column type.
alter table event_publication alter column serialized_event set data type varchar;
create index if not exists event_publication_incomplete on event_publication (completion_date, publication_date);
create index if not exists event_publication_listener on event_publication (listener_id, completion_date);
