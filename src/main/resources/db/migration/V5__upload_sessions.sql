-- Resumable (tus) uploads in progress. The row is the durable truth: bytes beyond upload_offset in the staging
-- file were never confirmed and are cut off before the next append.
CREATE TABLE upload_sessions (
    id             UUID PRIMARY KEY,
    owner_id       UUID NOT NULL REFERENCES accounts (id),
    bundle_id      UUID NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    filename       VARCHAR(200) NOT NULL,
    upload_length  BIGINT NOT NULL CHECK (upload_length >= 0),
    upload_offset  BIGINT NOT NULL CHECK (upload_offset >= 0 AND upload_offset <= upload_length),
    -- Bouncy Castle's encoded SHA-256 state after upload_offset bytes, so hashing resumes without rereading.
    sha256_state   BYTEA NOT NULL,
    -- One PATCH at a time: a writer holds the lease until lease_until and renews it while bytes arrive.
    lease_token    UUID,
    lease_until    TIMESTAMP WITH TIME ZONE,
    completed_file UUID,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX upload_sessions_expires_at ON upload_sessions (expires_at);
CREATE INDEX upload_sessions_owner ON upload_sessions (owner_id);
