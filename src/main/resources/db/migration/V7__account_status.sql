-- Account status for moderation: a suspended or banned creator can still log in (to see why), but their bundles
-- leave the storefront and cannot be bought; buyers keep what they bought.
ALTER TABLE accounts
    ADD COLUMN status            VARCHAR(16) NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('ACTIVE', 'SUSPENDED', 'BANNED')),
    ADD COLUMN status_reason     VARCHAR(1000),
    ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;

-- Set on all of a creator's bundles while the creator is suspended or banned; the storefront shows none of them.
ALTER TABLE bundles ADD COLUMN owner_withdrawn_at TIMESTAMP WITH TIME ZONE;
