-- Reports of bundles by anyone, logged in or not. Copyright reports carry what a takedown notice needs.
CREATE TABLE reports (
    id                 UUID PRIMARY KEY,
    bundle_id          UUID NOT NULL REFERENCES bundles (id),
    creator_id         UUID NOT NULL REFERENCES accounts (id),
    category           VARCHAR(16) NOT NULL CHECK (category IN ('COPYRIGHT', 'ILLEGAL', 'SPAM', 'OTHER')),
    details            VARCHAR(4000) NOT NULL,
    claimant           VARCHAR(200),
    work               VARCHAR(1000),
    contact            VARCHAR(320),
    statement_accepted BOOLEAN NOT NULL DEFAULT FALSE,
    reporter_id        UUID REFERENCES accounts (id),
    status             VARCHAR(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'ACTIONED')),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    resolution         VARCHAR(1000),
    version            BIGINT NOT NULL
);
-- The admin queue: open reports by bundle, oldest first.
CREATE INDEX reports_open_idx ON reports (created_at, bundle_id) WHERE status = 'OPEN';
