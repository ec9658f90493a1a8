-- OpenID Connect sign-in, one identity provider per organisation. The client secret is stored
-- encrypted (AES-GCM, key from TANDEM_SECRET_KEY): nonce and ciphertext, base64.
create table sso_settings (
    organisation_id      uuid primary key references organisation (id),
    enabled              boolean       not null,
    issuer_url           varchar(500)  not null,
    client_id            varchar(200)  not null,
    client_secret_enc    varchar(2000) not null,
    email_claim          varchar(100)  not null,
    password_sign_in     boolean       not null,
    just_in_time         boolean       not null,
    updated_at           timestamp     not null
);
