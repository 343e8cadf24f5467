-- Real payments: the full order lifecycle (orders.payment_ref holds the gateway's payment id, for Stripe the
-- PaymentIntent), Stripe references, platform fee, seller accounts (Stripe Connect),
-- webhook event de-duplication, revocable per-order entitlements, an append-only ledger and a download log.

ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('PENDING', 'PAID', 'REFUNDED', 'DISPUTED', 'CANCELLED', 'EXPIRED'));
ALTER TABLE orders
    ADD COLUMN seller_id           UUID REFERENCES accounts (id),
    ADD COLUMN fee_minor           BIGINT NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
    ADD COLUMN destination_account VARCHAR(255),
    ADD COLUMN checkout_session_id VARCHAR(255),
    ADD COLUMN closed_at           TIMESTAMP WITH TIME ZONE;
UPDATE orders o SET seller_id = b.owner_id FROM bundles b WHERE b.id = o.bundle_id;
ALTER TABLE orders ALTER COLUMN seller_id SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_fee_within_amount CHECK (fee_minor <= amount_minor);
CREATE UNIQUE INDEX orders_checkout_session_idx ON orders (checkout_session_id);
CREATE INDEX orders_seller_idx ON orders (seller_id, status, paid_at DESC);
-- The reconciliation job looks for checkouts that may have been paid without us hearing of it.
CREATE INDEX orders_pending_sessions_idx ON orders (created_at) WHERE status = 'PENDING' AND checkout_session_id IS NOT NULL;

-- Each Stripe event is processed once; Stripe may deliver the same event again, or several events for one session.
CREATE TABLE stripe_events (
    id          VARCHAR(255) PRIMARY KEY,
    type        VARCHAR(100) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A creator's Stripe Connect (Express) account, kept in step by account.updated.
CREATE TABLE seller_accounts (
    account_id        UUID PRIMARY KEY REFERENCES accounts (id),
    stripe_account_id VARCHAR(255) NOT NULL UNIQUE,
    charges_enabled   BOOLEAN NOT NULL,
    payouts_enabled   BOOLEAN NOT NULL,
    details_submitted BOOLEAN NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Entitlements now follow orders one to one, and can be revoked (refund, dispute) and reinstated (dispute won).
ALTER TABLE entitlements DROP CONSTRAINT entitlements_account_id_bundle_id_key;
ALTER TABLE entitlements ADD CONSTRAINT entitlements_order_key UNIQUE (order_id);
ALTER TABLE entitlements
    ADD COLUMN revoked_at     TIMESTAMP WITH TIME ZONE,
    ADD COLUMN revoked_reason VARCHAR(20) CHECK (revoked_reason IN ('REFUNDED', 'DISPUTED'));
CREATE INDEX entitlements_active_idx ON entitlements (account_id, bundle_id) WHERE revoked_at IS NULL;

-- Money that moved, one row per movement, never changed afterwards.
CREATE TABLE ledger_entries (
    id          UUID PRIMARY KEY,
    order_id    UUID NOT NULL REFERENCES orders (id),
    seller_id   UUID NOT NULL REFERENCES accounts (id),
    bundle_id   UUID NOT NULL REFERENCES bundles (id),
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('SALE', 'REFUND', 'DISPUTE', 'DISPUTE_WON')),
    gross_minor BIGINT NOT NULL,
    fee_minor   BIGINT NOT NULL,
    net_minor   BIGINT NOT NULL,
    currency    VARCHAR(3) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (gross_minor = fee_minor + net_minor),
    -- One movement of each kind per order: a redelivered event cannot book twice.
    UNIQUE (order_id, kind)
);
CREATE INDEX ledger_seller_idx ON ledger_entries (seller_id, occurred_at);

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

-- Who downloaded what, when and from where: evidence for disputes (Stripe's access_activity_log).
CREATE TABLE download_log (
    id            UUID PRIMARY KEY,
    account_id    UUID NOT NULL REFERENCES accounts (id),
    file_id       UUID NOT NULL REFERENCES bundle_files (id),
    bundle_id     UUID NOT NULL REFERENCES bundles (id),
    client_ip     VARCHAR(64) NOT NULL,
    range_header  VARCHAR(100),
    downloaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX download_log_account_idx ON download_log (account_id, bundle_id, downloaded_at DESC);
