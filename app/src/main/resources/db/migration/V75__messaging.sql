-- Conversations: one per mentorship (its id is the mentorship's), one per circle in GROUP programs.
-- last_seq hands out the per-conversation event numbers that streams resume from.
create table conversation (
    id              uuid primary key,
    organisation_id uuid      not null,
    mentorship_id   uuid references mentorship (id),
    program_id      uuid      not null references program (id),
    mentor_id       uuid      not null references person (id),
    last_seq        bigint    not null default 0,
    created_at      timestamp not null
);
create index conversation_organisation on conversation (organisation_id);

create table conversation_member (
    conversation_id uuid   not null references conversation (id),
    person_id       uuid   not null references person (id),
    organisation_id uuid   not null,
    read_seq        bigint not null default 0,
    digested_seq    bigint not null default 0,
    primary key (conversation_id, person_id)
);
create index conversation_member_person on conversation_member (organisation_id, person_id);

-- seq orders the messages; event_seq is the number of the latest change (post, edit, delete,
-- hide), so a stream resuming after event n reads each changed message once, in order.
create table message (
    id              uuid primary key,
    organisation_id uuid           not null,
    conversation_id uuid           not null references conversation (id),
    seq             bigint         not null,
    event_seq       bigint         not null,
    author_id       uuid           not null references person (id),
    client_id       uuid           not null,
    body            varchar(20000) not null,
    created_at      timestamp      not null,
    edited_at       timestamp,
    deleted_at      timestamp,
    hidden_at       timestamp,
    constraint message_position unique (conversation_id, seq),
    constraint message_client unique (conversation_id, author_id, client_id)
);
create index message_events on message (conversation_id, event_seq);

create table message_report (
    message_id      uuid      not null references message (id),
    reporter_id     uuid      not null references person (id),
    organisation_id uuid      not null,
    reported_at     timestamp not null,
    resolved_at     timestamp,
    primary key (message_id, reporter_id)
);
create index message_report_open on message_report (organisation_id, resolved_at);
