-- The directory now searches an in-memory index of each organisation's people, rebuilt when
-- this revision moves; the per-tag rows it used to query are no longer written or read.
create table people_revision (
    organisation_id uuid   primary key,
    revision        bigint not null
);
drop table person_tag;
-- Nothing reads the directory's name order from the database any more.
drop index person_directory;
