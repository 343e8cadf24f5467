-- Sales tax and VAT (issue 16). An order keeps its server price in amount_minor; once paid it also records the tax
-- the payment provider computed and the gross the buyer paid (null before: then gross = amount_minor, tax 0), and
-- whether the price included the tax. The platform fee (fee_minor) is on the net: gross - tax.
ALTER TABLE orders
    ADD COLUMN tax_minor     BIGINT NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
    ADD COLUMN gross_minor   BIGINT CHECK (gross_minor >= 0),
    ADD COLUMN tax_country   VARCHAR(2),
    ADD CONSTRAINT orders_tax_within_gross CHECK (gross_minor IS NULL OR tax_minor <= gross_minor);

-- The ledger books the tax apart: gross = tax + fee + net (net: what the creator's side earns).
ALTER TABLE ledger_entries ADD COLUMN tax_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_sums CHECK (gross_minor = tax_minor + fee_minor + net_minor);

-- With Stripe, payments are separate charges and transfers: the platform takes the buyer's payment (tax included)
-- and, once it settled, transfers each party's share to their Connect account. One row per order and recipient;
-- the recipient's account is looked up when the transfer is made, so a share owed to someone not yet onboarded
-- waits (PENDING) until they are. SENT rows are reversed (REVERSED) when the payment goes back; PENDING ones are
-- CANCELLED then.
CREATE TABLE transfers (
    id                 UUID PRIMARY KEY,
    order_id           UUID NOT NULL REFERENCES orders (id),
    recipient_id       UUID NOT NULL REFERENCES accounts (id),
    amount_minor       BIGINT NOT NULL CHECK (amount_minor > 0),
    currency           VARCHAR(3) NOT NULL,
    source_charge      VARCHAR(255),
    status             VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CANCELLED', 'REVERSED')),
    stripe_transfer_id VARCHAR(255),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE,
    closed_at          TIMESTAMP WITH TIME ZONE,
    UNIQUE (order_id, recipient_id)
);
CREATE INDEX transfers_pending_idx ON transfers (recipient_id) WHERE status = 'PENDING';

-- Collaborators sharing a bundle's income: invited by email with a share in basis points (the owner keeps the rest;
-- the shares of a bundle add up to at most 10000), accepted by the account with that verified address through a
-- mailed link of which only the SHA-256 is kept. Accepted shares split each later sale (one transfer each).
CREATE TABLE collaborators (
    id           UUID PRIMARY KEY,
    bundle_id    UUID NOT NULL REFERENCES bundles (id),
    email        VARCHAR(320) NOT NULL,
    basis_points INTEGER NOT NULL CHECK (basis_points BETWEEN 1 AND 10000),
    token_hash   VARCHAR(64) NOT NULL UNIQUE,
    account_id   UUID REFERENCES accounts (id),
    invited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at  TIMESTAMP WITH TIME ZONE,
    UNIQUE (bundle_id, email),
    UNIQUE (bundle_id, account_id)
);
