-- Gates and pricing (issue 7).

-- Unlocked files generalise V11's free previews: any file a creator unlocks is free to everyone (trailer, poster,
-- press kit); the rest stays behind the bundle's gate. Every preview is an unlocked file, so a rename migrates them.
ALTER TABLE bundle_files RENAME COLUMN preview TO unlocked;

-- Pay what you want: price_minor is then the minimum (zero allowed) and suggested_minor what the page proposes.
ALTER TABLE bundles DROP CONSTRAINT bundles_gate_check;
ALTER TABLE bundles DROP CONSTRAINT bundles_price_minor_check;
ALTER TABLE bundles DROP CONSTRAINT bundles_check;
ALTER TABLE bundles ADD COLUMN suggested_minor BIGINT;
ALTER TABLE bundles ADD CONSTRAINT bundles_gate_check CHECK (gate IN ('FREE', 'PAID', 'PWYW'));
ALTER TABLE bundles ADD CONSTRAINT bundles_gate_price_check CHECK (
       (gate = 'FREE' AND price_minor IS NULL AND price_currency IS NULL AND suggested_minor IS NULL)
    OR (gate = 'PAID' AND price_minor > 0 AND price_currency IS NOT NULL AND suggested_minor IS NULL)
    OR (gate = 'PWYW' AND price_minor >= 0 AND price_currency IS NOT NULL AND suggested_minor >= price_minor));

-- Discount codes: a creator's, for one of their bundles or (bundle_id null) all of them. Codes are stored
-- upper-case and unique per creator. Uses are not a counter: they are the orders that carry the code (see orders).
CREATE TABLE discount_codes (
    id            UUID PRIMARY KEY,
    creator_id    UUID NOT NULL REFERENCES accounts (id),
    bundle_id     UUID REFERENCES bundles (id),
    code          VARCHAR(40) NOT NULL CHECK (code ~ '^[A-Z0-9_-]{3,40}$'),
    percent_off   INT CHECK (percent_off BETWEEN 1 AND 100),
    amount_minor  BIGINT CHECK (amount_minor > 0),
    currency      VARCHAR(3),
    expires_at    TIMESTAMP WITH TIME ZONE,
    usage_limit   INT CHECK (usage_limit > 0),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at   TIMESTAMP WITH TIME ZONE,
    CHECK ((percent_off IS NOT NULL AND amount_minor IS NULL AND currency IS NULL)
        OR (percent_off IS NULL AND amount_minor IS NOT NULL AND currency IS NOT NULL))
);
CREATE UNIQUE INDEX discount_codes_code_idx ON discount_codes (creator_id, code);

-- What an order was priced at: the list price before any discount (for pay what you want, the amount chosen),
-- the discount code used, and amount_minor stays what was charged.
ALTER TABLE orders
    ADD COLUMN list_price_minor BIGINT CHECK (list_price_minor >= 0),
    ADD COLUMN discount_code_id UUID REFERENCES discount_codes (id),
    ADD COLUMN discount_code    VARCHAR(40);
UPDATE orders SET list_price_minor = amount_minor WHERE currency IS NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_discount_within_list_price
    CHECK (list_price_minor IS NULL OR amount_minor <= list_price_minor);
ALTER TABLE orders ADD CONSTRAINT orders_discount_code_check CHECK ((discount_code_id IS NULL) = (discount_code IS NULL));
-- Counting a code's uses (paid orders plus checkouts still open) under its row lock.
CREATE INDEX orders_discount_code_idx ON orders (discount_code_id, status) WHERE discount_code_id IS NOT NULL;

-- Email gate: the locked part unlocks for a confirmed email address (double opt-in). One row per request; only the
-- SHA-256 of the emailed token is kept, and confirming sets confirmed_at once (the token is single use).
ALTER TABLE bundles DROP CONSTRAINT bundles_gate_check;
ALTER TABLE bundles DROP CONSTRAINT bundles_gate_price_check;
ALTER TABLE bundles ADD CONSTRAINT bundles_gate_check CHECK (gate IN ('FREE', 'PAID', 'PWYW', 'EMAIL'));
ALTER TABLE bundles ADD CONSTRAINT bundles_gate_price_check CHECK (
       (gate IN ('FREE', 'EMAIL') AND price_minor IS NULL AND price_currency IS NULL AND suggested_minor IS NULL)
    OR (gate = 'PAID' AND price_minor > 0 AND price_currency IS NOT NULL AND suggested_minor IS NULL)
    OR (gate = 'PWYW' AND price_minor >= 0 AND price_currency IS NOT NULL AND suggested_minor >= price_minor));

CREATE TABLE email_unlocks (
    id               UUID PRIMARY KEY,
    bundle_id        UUID NOT NULL REFERENCES bundles (id),
    creator_id       UUID NOT NULL REFERENCES accounts (id),
    email            VARCHAR(320) NOT NULL,
    -- The viewer's account when they asked or confirmed while logged in; the unlock then lands in their library.
    account_id       UUID REFERENCES accounts (id),
    -- When the viewer ticked the box agreeing to share the address with the creator.
    consent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    token_sha256     VARCHAR(64) NOT NULL UNIQUE,
    token_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX email_unlocks_creator_idx ON email_unlocks (creator_id, confirmed_at DESC) WHERE confirmed_at IS NOT NULL;

-- Entitlements now have a source: an order (as before) or a confirmed email unlock. Rentals, pre-orders and gifts
-- can add sources of their own.
ALTER TABLE entitlements ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE entitlements
    ADD COLUMN source          VARCHAR(16) NOT NULL DEFAULT 'ORDER',
    ADD COLUMN email_unlock_id UUID UNIQUE REFERENCES email_unlocks (id);
ALTER TABLE entitlements ADD CONSTRAINT entitlements_source_check CHECK (
       (source = 'ORDER' AND order_id IS NOT NULL AND email_unlock_id IS NULL)
    OR (source = 'EMAIL' AND order_id IS NULL AND email_unlock_id IS NOT NULL));
