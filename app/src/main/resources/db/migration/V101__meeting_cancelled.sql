-- Who cancelled a meeting and when, for the pair's timeline; null by for a program manager.
alter table meeting add column cancelled_at timestamp;
alter table meeting add column cancelled_by uuid;
