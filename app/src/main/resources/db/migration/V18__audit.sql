-- The audit trail: append-only, one hash chain per organisation. Each entry's hash covers its own
-- fields and the previous entry's hash, so an edited, removed or reordered entry breaks the chain.
create table audit_entry (
    organisation_id uuid not null,
    seq bigint not null,
    id uuid not null,
    occurred_at timestamp with time zone not null,
    actor_kind varchar(20) not null,
    actor_id uuid,
    actor_label varchar(320),
    action varchar(60) not null,
    target_type varchar(40),
    target_id varchar(100),
    detail varchar(1000),
    address varchar(100),
    previous_hash varchar(64) not null,
    hash varchar(64) not null,
    primary key (organisation_id, seq),
    constraint audit_entry_id unique (id)
);
create index audit_entry_time on audit_entry (organisation_id, occurred_at);
create index audit_entry_action on audit_entry (organisation_id, action, occurred_at);

-- The end of each organisation's chain; appending locks this row, so entries get one order.
create table audit_head (
    organisation_id uuid primary key,
    seq bigint not null,
    hash varchar(64) not null
);
