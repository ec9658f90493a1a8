-- A mail may carry an iCalendar part (text/calendar; method=...), sent as an alternative to the
-- text so that mail clients show the invitation with its accept and decline buttons.
alter table outbox_mail add column calendar_method varchar(20);
alter table outbox_mail add column calendar text;
