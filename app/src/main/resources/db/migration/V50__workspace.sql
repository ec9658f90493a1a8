-- The pair's workspace: agreement, goals with progress and milestones, action items, notes, the
-- timeline, and how a mentorship ended. Every row carries its organisation and its mentorship, so
-- every read is scoped by both.
alter table mentorship add column planned_end_on date;
alter table mentorship add column ended_on date;
alter table mentorship add column end_reason varchar(30);
alter table mentorship add column ended_by uuid;
-- An extension one of the two proposed; it applies once the other agrees.
alter table mentorship add column extension_until date;
alter table mentorship add column extension_by uuid;

-- "Pairs share goals with program managers": off unless the program manager switches it on.
alter table program add column shares_goals boolean default false not null;

create table agreement (
    mentorship_id    uuid primary key references mentorship (id),
    organisation_id  uuid           not null,
    terms            varchar(10000) not null,
    expectations     varchar(10000),
    meetings         varchar(10000),
    confidentiality  varchar(10000),
    duration         varchar(10000),
    version          int            not null,
    updated_by       uuid           not null,
    updated_at       timestamp      not null,
    mentor_signed_at timestamp,
    mentee_signed_at timestamp
);

create table goal (
    id              uuid primary key,
    organisation_id uuid           not null,
    mentorship_id   uuid           not null references mentorship (id),
    title           varchar(10000) not null,
    measure         varchar(10000) not null,
    target_on       date           not null,
    skill           varchar(200),
    status          varchar(20)    not null,
    progress        int            not null,
    version         int            not null,
    created_by      uuid           not null,
    created_at      timestamp      not null,
    achieved_at     timestamp
);
create index goal_mentorship on goal (mentorship_id, created_at);

create table goal_update (
    id              uuid primary key,
    organisation_id uuid           not null,
    goal_id         uuid           not null references goal (id),
    percent         int            not null,
    comment         varchar(10000) not null,
    author          uuid           not null,
    created_at      timestamp      not null
);
create index goal_update_goal on goal_update (goal_id, created_at);

create table milestone (
    id              uuid primary key,
    organisation_id uuid           not null,
    goal_id         uuid           not null references goal (id),
    title           varchar(10000) not null,
    due_on          date           not null,
    met_at          timestamp
);
create index milestone_goal on milestone (goal_id, due_on);

create table action_item (
    id              uuid primary key,
    organisation_id uuid           not null,
    mentorship_id   uuid           not null references mentorship (id),
    title           varchar(10000) not null,
    assignee        uuid           not null,
    due_on          date,
    done_at         timestamp,
    created_by      uuid           not null,
    created_at      timestamp      not null
);
create index action_item_mentorship on action_item (mentorship_id, created_at);

create table note (
    id              uuid primary key,
    organisation_id uuid           not null,
    mentorship_id   uuid           not null references mentorship (id),
    author          uuid           not null,
    shared          boolean        not null,
    body            varchar(10000) not null,
    created_at      timestamp      not null
);
create index note_mentorship on note (mentorship_id, created_at);

-- What happened, in order; subject_id points at the goal, milestone or action item concerned.
create table timeline_entry (
    id              uuid primary key,
    organisation_id uuid        not null,
    mentorship_id   uuid        not null references mentorship (id),
    kind            varchar(30) not null,
    subject_id      uuid,
    actor           uuid,
    occurred_at     timestamp   not null
);
create index timeline_entry_mentorship on timeline_entry (mentorship_id, occurred_at);

-- One answer per person and mentorship; never shown to the partner.
create table closure_survey (
    mentorship_id      uuid           not null references mentorship (id),
    person_id          uuid           not null,
    organisation_id    uuid           not null,
    program_id         uuid           not null,
    achieved           varchar(10000) not null,
    partnership_rating int            not null,
    partner_rating     int            not null,
    again              boolean        not null,
    answered_at        timestamp      not null,
    primary key (mentorship_id, person_id)
);
create index closure_survey_program on closure_survey (organisation_id, program_id);
