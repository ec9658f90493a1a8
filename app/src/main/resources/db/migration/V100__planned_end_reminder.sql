-- The planned end a pair was last asked about (close well or extend): the reminder is claimed by
-- setting it, so it goes out once per planned end, and again after an extension moves the end.
alter table mentorship add column end_reminded_for date;
