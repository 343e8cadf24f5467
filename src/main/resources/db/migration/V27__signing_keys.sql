-- Random keys that every instance shares, one per purpose, made by the first instance that needs one. A cookie signed
-- by one instance (the known-device cookie that exempts a browser from the per-account login budget) is then
-- recognised by all the others, without a secret that operators must set and copy to each of them.
create table signing_keys (
    purpose    varchar(64) primary key,
    secret     bytea       not null,
    created_at timestamptz not null default now()
);
