-- Meetings: instants (UTC) plus the organiser's zone, where a repeating meeting keeps its
-- wall-clock time. sequence is the iCalendar SEQUENCE, raised on every change.
create table meeting (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id),
    mentorship_id   uuid         references mentorship (id),
    organiser_id    uuid         not null references person (id),
    attendee_id     uuid         not null references person (id),
    title           varchar(200) not null,
    agenda          text,
    starts_at       timestamp    not null,
    ends_at         timestamp    not null,
    zone            varchar(64)  not null,
    recurrence      varchar(20)  not null,
    place           varchar(20)  not null,
    location        varchar(500) not null,
    sequence        int          not null,
    status          varchar(20)  not null,
    response        varchar(20)  not null,
    created_at      timestamp    not null,
    updated_at      timestamp    not null
);
create index meeting_mentorship on meeting (organisation_id, mentorship_id, starts_at);
create index meeting_organiser on meeting (organisation_id, organiser_id);
create index meeting_attendee on meeting (organisation_id, attendee_id);

-- Whether an occurrence took place: one answer per occurrence, from either person.
create table meeting_outcome (
    meeting_id      uuid      not null references meeting (id),
    occurs_at       timestamp not null,
    organisation_id uuid      not null,
    held            boolean   not null,
    answered_by     uuid      not null,
    answered_at     timestamp not null,
    primary key (meeting_id, occurs_at)
);

-- Notes on a meeting, shared with the partner or private to their author.
create table meeting_note (
    id              uuid primary key,
    organisation_id uuid      not null,
    meeting_id      uuid      not null references meeting (id),
    author_id       uuid      not null,
    shared          boolean   not null,
    body            text      not null,
    created_at      timestamp not null
);
create index meeting_note_meeting on meeting_note (meeting_id, created_at);

-- A person's private calendar feed: whoever knows the secret reads the feed; a reset replaces it.
create table calendar_feed (
    person_id       uuid primary key references person (id),
    organisation_id uuid        not null,
    secret          varchar(64) not null,
    created_at      timestamp   not null
);
create unique index calendar_feed_secret on calendar_feed (secret);
