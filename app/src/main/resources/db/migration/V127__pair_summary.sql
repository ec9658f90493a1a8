-- What the dashboard, health and exports need of pair_activity, kept as activity is recorded, so
-- they no longer read a pair's every activity row (PostgreSQL, 10,000 pairs and 1.2 M rows: the
-- funnel's count(distinct) over activity took 1.2-2.5 s, the weekly series 0.6-1.0 s).
--
-- One row per pair that did anything: counts per kind and the latest meeting, message and activity
-- (ENDED aside). program_id is set when engagement follows the pair, which may come after its first
-- activity; only then are the pair's activities counted in program_activity_day.
create table pair_summary (
    mentorship_id    uuid primary key,
    organisation_id  uuid      not null,
    program_id       uuid,
    agreements       int       default 0 not null,
    meetings         int       default 0 not null,
    messages         int       default 0 not null,
    goals            int       default 0 not null,
    last_meeting_at  timestamp,
    last_message_at  timestamp,
    last_activity_at timestamp
);

-- Activities of each kind per program and day (the day of occurred_at, as cast(occurred_at as date)
-- gave it): the weekly series and monthly outcomes read days x kinds rows per program.
create table program_activity_day (
    organisation_id uuid        not null,
    program_id      uuid        not null,
    activity_on     date        not null,
    kind            varchar(30) not null,
    activities      int         not null,
    primary key (program_id, activity_on, kind)
);
create index program_activity_day_organisation on program_activity_day (organisation_id, activity_on);

insert into pair_summary (mentorship_id, organisation_id, agreements, meetings, messages, goals,
                          last_meeting_at, last_message_at, last_activity_at)
select a.mentorship_id, a.organisation_id,
       sum(case when a.kind = 'AGREEMENT_SIGNED' then 1 else 0 end),
       sum(case when a.kind in ('MEETING', 'REPORTED_MEETING') then 1 else 0 end),
       sum(case when a.kind = 'MESSAGE' then 1 else 0 end),
       sum(case when a.kind = 'GOAL_ACHIEVED' then 1 else 0 end),
       max(case when a.kind in ('MEETING', 'REPORTED_MEETING') then a.occurred_at end),
       max(case when a.kind = 'MESSAGE' then a.occurred_at end),
       max(case when a.kind <> 'ENDED' then a.occurred_at end)
from pair_activity a
group by a.mentorship_id, a.organisation_id;

update pair_summary set program_id = (
    select p.program_id from engaged_pair p
    where p.mentorship_id = pair_summary.mentorship_id
      and p.organisation_id = pair_summary.organisation_id);

insert into program_activity_day (organisation_id, program_id, activity_on, kind, activities)
select p.organisation_id, p.program_id, cast(a.occurred_at as date), a.kind, count(*)
from pair_activity a
join engaged_pair p on p.mentorship_id = a.mentorship_id and p.organisation_id = a.organisation_id
group by p.organisation_id, p.program_id, cast(a.occurred_at as date), a.kind;
