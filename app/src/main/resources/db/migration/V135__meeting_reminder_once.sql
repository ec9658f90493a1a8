-- A reminder is logged once per meeting, occurrence and lead: a second run of the same reminder
-- (an instance that died after sending but before its scheduler recorded the execution as done)
-- finds the row and sends nothing. Earlier duplicates, if any, keep their first row.
delete from meeting_reminder_log
where exists (select 1 from meeting_reminder_log b
              where b.meeting_id = meeting_reminder_log.meeting_id
                and b.occurs_at = meeting_reminder_log.occurs_at
                and b.lead_time = meeting_reminder_log.lead_time
                and b.id < meeting_reminder_log.id);
drop index meeting_reminder_log_meeting;
create unique index meeting_reminder_log_once on meeting_reminder_log (meeting_id, occurs_at, lead_time);
