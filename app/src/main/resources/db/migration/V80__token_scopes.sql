-- Tokens are scoped: 'API' for /api/v1, 'SCIM' for /scim/v2. Every token issued before is an API token.
alter table api_token add column scope varchar(10) default 'API' not null;
