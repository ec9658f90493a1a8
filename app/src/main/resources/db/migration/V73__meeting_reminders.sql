-- Whether a person wants meeting reminders by e-mail as well as in the app (no row: yes).
create table meeting_preference (
    person_id       uuid primary key references person (id),
    organisation_id uuid    not null,
    reminder_mail   boolean not null
);

-- Every reminder run, one row per run (no unique key on purpose): the record that shows each
-- reminder went out once, however many instances share the scheduler.
create table meeting_reminder_log (
    id              uuid primary key,
    organisation_id uuid        not null,
    meeting_id      uuid        not null,
    occurs_at       timestamp   not null,
    lead_time       varchar(10) not null,
    sent_at         timestamp   not null,
    picked_by       varchar(200)
);
create index meeting_reminder_log_meeting on meeting_reminder_log (meeting_id, occurs_at);
