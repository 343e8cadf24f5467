-- A creator's appeal against one admin action (a hidden bundle, a suspension or ban): at most one per action.
CREATE TABLE appeals (
    id              UUID PRIMARY KEY,
    audit_entry_id  UUID NOT NULL UNIQUE REFERENCES audit_log (id),
    creator_id      UUID NOT NULL REFERENCES accounts (id),
    text            VARCHAR(4000) NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    answer          VARCHAR(1000),
    version         BIGINT NOT NULL
);
CREATE INDEX appeals_open_idx ON appeals (created_at) WHERE status = 'OPEN';
