-- Gifting: a buyer pays for a bundle on behalf of someone else's email address. The order records the recipient
-- and an optional short message; the buyer gets no entitlement from it. A gift order is exempt from the one open
-- and one paid order per buyer and bundle rules (a buyer may own a bundle and give it to several friends); one open
-- gift checkout per buyer, bundle and recipient.
ALTER TABLE orders
    ADD COLUMN gift_email   VARCHAR(320),
    ADD COLUMN gift_message VARCHAR(300);
DROP INDEX orders_one_pending_idx;
DROP INDEX orders_one_paid_idx;
CREATE UNIQUE INDEX orders_one_pending_idx ON orders (buyer_id, bundle_id) WHERE status = 'PENDING' AND gift_email IS NULL;
-- Rentals (V19) stay outside the one-paid-order rule too.
CREATE UNIQUE INDEX orders_one_paid_idx ON orders (buyer_id, bundle_id)
    WHERE status = 'PAID' AND kind = 'PURCHASE' AND gift_email IS NULL;
CREATE UNIQUE INDEX orders_one_pending_gift_idx ON orders (buyer_id, bundle_id, gift_email)
    WHERE status = 'PENDING' AND gift_email IS NOT NULL;

-- One gift per paid gift order: its claim link (only the SHA-256 of the mailed token; a resend replaces it, so only
-- the newest link works), who claimed it, and whether a refund or dispute voided it.
CREATE TABLE gifts (
    order_id         UUID PRIMARY KEY REFERENCES orders (id),
    bundle_id        UUID NOT NULL REFERENCES bundles (id),
    buyer_id         UUID NOT NULL REFERENCES accounts (id),
    recipient_email  VARCHAR(320) NOT NULL,
    message          VARCHAR(300),
    token_sha256     VARCHAR(64) UNIQUE,
    token_expires_at TIMESTAMP WITH TIME ZONE,
    sent_at          TIMESTAMP WITH TIME ZONE,
    claimed_by       UUID REFERENCES accounts (id),
    claimed_at       TIMESTAMP WITH TIME ZONE,
    voided_at        TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK ((claimed_by IS NULL) = (claimed_at IS NULL))
);
CREATE INDEX gifts_buyer_idx ON gifts (buyer_id, created_at DESC);

-- A claimed gift is an entitlement of the recipient, keyed by the gift order, so the order's refund revokes it.
ALTER TABLE entitlements DROP CONSTRAINT entitlements_source_check;
ALTER TABLE entitlements ADD CONSTRAINT entitlements_source_check CHECK (
       (source IN ('ORDER', 'GIFT') AND order_id IS NOT NULL AND email_unlock_id IS NULL AND rental_hours IS NULL)
    OR (source = 'EMAIL' AND order_id IS NULL AND email_unlock_id IS NOT NULL AND rental_hours IS NULL)
    OR (source = 'RENTAL' AND order_id IS NOT NULL AND email_unlock_id IS NULL AND rental_hours IS NOT NULL));
