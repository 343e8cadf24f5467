-- Pre-orders and scheduled release: a bundle may go on sale before release_at; buyers get its locked files from
-- that moment on. release_announced_at marks the release as mailed to its buyers (set once, by a conditional update).
ALTER TABLE bundles
    ADD COLUMN release_at           TIMESTAMPTZ,
    ADD COLUMN release_announced_at TIMESTAMPTZ;

CREATE INDEX bundles_release_due ON bundles (release_at) WHERE release_announced_at IS NULL AND release_at IS NOT NULL;
