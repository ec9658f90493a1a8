-- A key per event and recipient: a listener that runs twice for one event (a resubmitted
-- publication, a second instance) writes its mail and inbox item once. Null for anything that
-- needs no such guard; unique indexes let any number of nulls through on H2 and PostgreSQL alike.
alter table outbox_mail add column dedup_key varchar(200);
create unique index outbox_mail_dedup on outbox_mail (dedup_key);
alter table inbox_item add column dedup_key varchar(200);
create unique index inbox_item_dedup on inbox_item (dedup_key);
