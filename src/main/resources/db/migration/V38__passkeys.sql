-- Passkeys (WebAuthn), in the tables Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository read and write: its own PostgreSQL schema (user-entities-schema.sql,
-- user-credentials-schema-postgres.sql), with three changes. The user entity's name is the account's email, so it is
-- as long as accounts.email (320, not 100) and unique (it is looked up by name at every ceremony); a credential
-- belongs to its user entity (deleting the entity deletes its passkeys); and credentials are found by user entity.

create table user_entities
(
    id           varchar(1000) not null,
    name         varchar(320)  not null,
    display_name varchar(320),
    primary key (id)
);

create unique index user_entities_name_key on user_entities (name);

create table user_credentials
(
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);

create index user_credentials_user_entity_idx on user_credentials (user_entity_user_id);
