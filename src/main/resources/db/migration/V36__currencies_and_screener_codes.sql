-- Prices in several currencies (issue 16): besides its main price (bundles.price_*), a priced bundle may have one
-- price in each other currency the operator enables. amount_minor is the fixed price, or for pay what you want the
-- minimum (zero allowed) with suggested_minor; rental_minor a rental price beside a fixed price, cheaper than it.
-- Which gate a row belongs to is the bundle's: the catalog drops these rows whenever the gate changes kind.
CREATE TABLE bundle_prices (
    bundle_id       UUID        NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    currency        VARCHAR(3)  NOT NULL,
    amount_minor    BIGINT      NOT NULL CHECK (amount_minor >= 0),
    suggested_minor BIGINT      CHECK (suggested_minor >= amount_minor),
    rental_minor    BIGINT      CHECK (rental_minor > 0 AND rental_minor < amount_minor),
    PRIMARY KEY (bundle_id, currency)
);

-- Screener and press codes (issue 16): single-use codes a creator hands to festivals and press. Only the SHA-256 of
-- a code is stored, and codes are looked up by it; the creator gets the codes themselves once, as a CSV file.
CREATE TABLE screener_codes (
    id          UUID                     PRIMARY KEY,
    bundle_id   UUID                     NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    creator_id  UUID                     NOT NULL,
    code_hash   BYTEA                    NOT NULL UNIQUE CHECK (octet_length(code_hash) = 32),
    label       VARCHAR(80),
    stream_only BOOLEAN                  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    redeemed_at TIMESTAMP WITH TIME ZONE,
    redeemed_by UUID,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CHECK ((redeemed_at IS NULL) = (redeemed_by IS NULL))
);
CREATE INDEX screener_codes_bundle_idx ON screener_codes (bundle_id, created_at);

-- A redeemed code grants an entitlement of its own kind: SCREENER downloads and streams, SCREENER_STREAM only
-- streams. One per code; the creator revoking the code revokes it (REVOKED).
ALTER TABLE entitlements ADD COLUMN screener_code_id UUID UNIQUE REFERENCES screener_codes (id);
ALTER TABLE entitlements DROP CONSTRAINT entitlements_source_check;
ALTER TABLE entitlements ADD CONSTRAINT entitlements_source_check CHECK (
       (source IN ('ORDER', 'GIFT') AND order_id IS NOT NULL AND email_unlock_id IS NULL AND rental_hours IS NULL
            AND screener_code_id IS NULL)
    OR (source = 'EMAIL' AND order_id IS NULL AND email_unlock_id IS NOT NULL AND rental_hours IS NULL
            AND screener_code_id IS NULL)
    OR (source = 'RENTAL' AND order_id IS NOT NULL AND email_unlock_id IS NULL AND rental_hours IS NOT NULL
            AND screener_code_id IS NULL)
    OR (source IN ('SCREENER', 'SCREENER_STREAM') AND order_id IS NULL AND email_unlock_id IS NULL
            AND rental_hours IS NULL AND screener_code_id IS NOT NULL));
ALTER TABLE entitlements DROP CONSTRAINT entitlements_revoked_reason_check;
ALTER TABLE entitlements ADD CONSTRAINT entitlements_revoked_reason_check
    CHECK (revoked_reason IN ('REFUNDED', 'DISPUTED', 'REMOVED', 'REVOKED'));
