-- Engagement: every pair's activity in one table (one row per thing that happened, whichever module
-- reported it), the pairs engagement follows with their last assessed health, per-program rules,
-- check-in and survey answers, nudges, and a daily count of pairs by health for the dashboard.
create table engaged_pair (
    mentorship_id        uuid primary key,
    organisation_id      uuid        not null,
    program_id           uuid        not null,
    mentor_id            uuid        not null,
    mentee_id            uuid        not null,
    started_at           timestamp   not null,
    ended_at             timestamp,
    completed            boolean     default false not null,
    health               varchar(20) default 'ON_TRACK' not null,
    health_since         timestamp   not null,
    last_auto_nudge_at   timestamp,
    warned_at            timestamp
);
create index engaged_pair_program on engaged_pair (organisation_id, program_id);

-- source_id is the id of what happened (meeting, message, goal; the mentorship itself for its
-- lifecycle), so an event handled twice records one row.
create table pair_activity (
    id              uuid primary key,
    organisation_id uuid        not null,
    mentorship_id   uuid        not null,
    kind            varchar(30) not null,
    source_id       uuid        not null,
    occurred_at     timestamp   not null,
    constraint pair_activity_once unique (mentorship_id, kind, source_id)
);
create index pair_activity_pair on pair_activity (organisation_id, mentorship_id, occurred_at);

create table engagement_rules (
    program_id           uuid primary key,
    organisation_id      uuid    not null,
    meeting_slack_percent int    not null,
    at_risk_after_days   int     not null,
    inactive_after_days  int     not null,
    low_rating           int     not null,
    check_ins            boolean not null,
    auto_nudge           boolean not null,
    nudge_interval_days  int     not null,
    auto_close           boolean not null,
    warn_after_days      int     not null,
    close_after_days     int     not null
);

-- One answer per person, mentorship, kind and cadence period; never shown to the partner.
create table check_in_answer (
    id              uuid primary key,
    organisation_id uuid          not null,
    program_id      uuid          not null,
    mentorship_id   uuid          not null,
    person_id       uuid          not null,
    kind            varchar(20)   not null,
    cadence_period  int           not null,
    met             boolean,
    usefulness      int,
    goal_progress   int,
    blocking        varchar(2000),
    share_blocking  boolean       default false not null,
    awareness       int,
    connection      int,
    ideas           int,
    answered_at     timestamp     not null,
    constraint check_in_once unique (mentorship_id, person_id, kind, cadence_period)
);
create index check_in_program on check_in_answer (organisation_id, program_id, kind);

create table nudge (
    id              uuid primary key,
    organisation_id uuid          not null,
    mentorship_id   uuid          not null,
    automatic       boolean       not null,
    sent_at         timestamp     not null
);
create index nudge_pair on nudge (organisation_id, mentorship_id, sent_at);

create table health_snapshot (
    organisation_id uuid not null,
    program_id      uuid not null,
    snapshot_on     date not null,
    on_track        int  not null,
    at_risk         int  not null,
    inactive        int  not null,
    primary key (program_id, snapshot_on)
);

-- Pairs that started before engagement existed.
insert into engaged_pair (mentorship_id, organisation_id, program_id, mentor_id, mentee_id, started_at,
                          ended_at, completed, health, health_since)
select id, organisation_id, program_id, mentor_id, mentee_id, created_at,
       case when status = 'ACTIVE' then null else updated_at end,
       status = 'COMPLETED', 'ON_TRACK', created_at
from mentorship;
insert into pair_activity (id, organisation_id, mentorship_id, kind, source_id, occurred_at)
select id, organisation_id, id, 'STARTED', id, created_at from mentorship;

-- How often the daily job ran for a program on a day: 1 unless the scheduler failed its promise.
create table engagement_run (
    program_id      uuid not null,
    run_on          date not null,
    organisation_id uuid not null,
    runs            int  not null,
    primary key (program_id, run_on)
);
