-- Moderation gaps: removal for good (buyers refunded), reports about creators, pre-moderation, audit log filters.

-- A removed bundle is hidden too (so every storefront query leaves it out); only an upheld appeal clears both.
ALTER TABLE bundles ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
-- Buyers of a removed bundle are refunded; their library says why.
ALTER TABLE entitlements DROP CONSTRAINT entitlements_revoked_reason_check;
ALTER TABLE entitlements ADD CONSTRAINT entitlements_revoked_reason_check
    CHECK (revoked_reason IN ('REFUNDED', 'DISPUTED', 'REMOVED'));

-- Reports about a creator rather than one bundle have no bundle. Anyone may leave an email to hear the outcome.
ALTER TABLE reports ALTER COLUMN bundle_id DROP NOT NULL;
ALTER TABLE reports ADD COLUMN reporter_email VARCHAR(320);
CREATE INDEX reports_open_creator_idx ON reports (created_at, creator_id) WHERE status = 'OPEN' AND bundle_id IS NULL;

-- Pre-moderation: a new creator's first bundles wait for an admin's approval before they go public.
ALTER TABLE bundles DROP CONSTRAINT bundles_status_check;
ALTER TABLE bundles ADD CONSTRAINT bundles_status_check CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED'));
ALTER TABLE bundles
    ADD COLUMN review_requested_at TIMESTAMP WITH TIME ZONE,
    -- Why an admin sent the bundle back to draft, for the creator; cleared when it is submitted again.
    ADD COLUMN review_note         VARCHAR(1000);
CREATE INDEX bundles_review_idx ON bundles (review_requested_at) WHERE status = 'PENDING_REVIEW';

-- Creators an admin trusts: their bundles skip pre-moderation.
CREATE TABLE trusted_creators (
    creator_id UUID PRIMARY KEY REFERENCES accounts (id),
    trusted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Audit log filters: by action (actor and target are matched by name, on the admins' few thousand lines a month).
CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at DESC);
