-- Two-factor sign-in with an authenticator app (TOTP, RFC 6238). The shared secret is stored encrypted (AES-GCM):
-- a database backup alone does not let anyone compute codes. key_id names the key that encrypted it: 'config' for
-- reelgate.security.second-factor.encryption-key, 'database' for the fallback key kept in signing_keys when an
-- operator has set none. confirmed_at is null while the holder has not yet typed a code from the new secret; only a
-- confirmed secret is asked for at sign-in. last_used_step is the last 30-second time step whose code was accepted:
-- a code is accepted only for a later step, so a code seen over someone's shoulder cannot be replayed.
create table totp_secrets (
    account_id     uuid        primary key references accounts (id),
    key_id         varchar(16) not null,
    ciphertext     bytea       not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_used_step bigint      not null default 0
);

-- Ten single-use codes for when the authenticator is lost, shown once; only their SHA-256 is kept (they are random,
-- not chosen like passwords, so a fast hash is enough). used_at is set when one is spent.
create table recovery_codes (
    account_id uuid        not null references accounts (id),
    code_hash  bytea       not null,
    created_at timestamptz not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);

-- What happened to an account's sign-in security, for the holder's account page and for anyone investigating:
-- second factors added or removed, recovery codes used, wrong or replayed codes.
create table security_events (
    id             bigserial   primary key,
    account_id     uuid        not null references accounts (id),
    kind           varchar(40) not null,
    happened_at    timestamptz not null,
    client_address varchar(64)
);
create index security_events_account on security_events (account_id, happened_at desc);
