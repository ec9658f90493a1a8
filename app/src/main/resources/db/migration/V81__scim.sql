-- What SCIM knows about a person beyond the import's columns. Nothing is ever deleted: a SCIM
-- DELETE makes the person inactive and marks them deleted here, so SCIM answers 404 for them.
create table scim_user (
    person_id       uuid primary key,
    organisation_id uuid         not null references organisation (id),
    external_id     varchar(320),
    deleted_at      timestamp
);
create index scim_user_organisation on scim_user (organisation_id);

-- Groups are divisions; a group the identity provider created stays listed while it has no members.
create table scim_group (
    organisation_id uuid         not null references organisation (id),
    display_name    varchar(200) not null,
    external_id     varchar(320),
    primary key (organisation_id, display_name)
);
