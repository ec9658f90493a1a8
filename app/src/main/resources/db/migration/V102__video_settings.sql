-- Where generated video rooms live, per organisation (scope 'organisation') or per program (scope =
-- the program's id). mode PROVIDER: rooms under base_url; NONE: the pair pastes its own link.
-- No row: the program follows its organisation, the organisation follows TANDEM_VIDEO_BASE_URL.
create table video_setting (
    organisation_id uuid         not null references organisation (id),
    scope           varchar(40)  not null,
    mode            varchar(20)  not null,
    base_url        varchar(500),
    updated_at      timestamp    not null,
    primary key (organisation_id, scope)
);
