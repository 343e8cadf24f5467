-- Personal access tokens of the creator API. Only the SHA-256 of a token is kept: the token itself is shown once,
-- when it is created, and a database leak does not hand out working tokens.
CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY,
    owner_id     UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    -- Hex SHA-256 of the whole token (rg_pat_...); requests look their token up by it.
    token_hash   VARCHAR(64) NOT NULL,
    -- Space-separated scopes, e.g. "bundles:read uploads:write".
    scopes       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_owner ON api_tokens (owner_id, created_at);
