-- Personal data (issue 15.4).

-- The audit chain hashes a keyed digest of the actor's label instead of the label itself, so an
-- erased person's e-mail can be replaced in old entries without breaking the chain. Entries
-- written before this column existed keep hashing the label (digest null).
alter table audit_entry add column actor_label_digest varchar(64);

-- How long an ended mentorship's content (notes, agendas, messages, survey free text) is kept.
create table content_retention (
    organisation_id uuid primary key references organisation (id),
    months          int       not null,
    updated_at      timestamp not null
);

-- When the retention task removed an ended mentorship's content; it does so once.
alter table mentorship add column content_removed_at timestamp;
create index mentorship_retention on mentorship (organisation_id, status, ended_on);
