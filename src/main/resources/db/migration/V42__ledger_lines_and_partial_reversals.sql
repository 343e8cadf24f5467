-- Issue 16. The ledger books one line per party of every movement: the tax (owed to the tax authorities), the
-- platform's fee, the bundle's owner and each collaborator. An entry's lines add up to its gross exactly, which
-- deferred triggers check when the transaction commits (an entry and its lines are inserted together). Reversals
-- (refunds, disputes) book lines of their own, in proportion to the sale's lines; a dispute won books the dispute's
-- lines back. Append-only like the entries.
CREATE TABLE ledger_lines (
    id           UUID PRIMARY KEY,
    entry_id     UUID NOT NULL REFERENCES ledger_entries (id),
    order_id     UUID NOT NULL REFERENCES orders (id),
    -- The entry's kind, so a party's movements read without a join.
    kind         VARCHAR(16) NOT NULL CHECK (kind IN ('SALE', 'REFUND', 'DISPUTE', 'DISPUTE_WON')),
    party        VARCHAR(16) NOT NULL CHECK (party IN ('TAX', 'PLATFORM', 'OWNER', 'COLLABORATOR')),
    account_id   UUID REFERENCES accounts (id),
    amount_minor BIGINT NOT NULL,
    currency     VARCHAR(3) NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK ((party IN ('TAX', 'PLATFORM')) = (account_id IS NULL))
);
CREATE UNIQUE INDEX ledger_lines_party_idx
    ON ledger_lines (entry_id, party, coalesce(account_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX ledger_lines_account_idx ON ledger_lines (account_id, occurred_at) WHERE account_id IS NOT NULL;
CREATE INDEX ledger_lines_order_idx ON ledger_lines (order_id);

-- Backfill. Until now every refund and dispute moved a sale's whole amount, and the parties' split of a sale paid
-- with separate charges and transfers is in transfers (one row per party, summing to the entry's net). So: the tax
-- and fee lines are the entry's own columns; the parties' lines are the order's transfers with the entry's sign
-- when they add up to its net in its currency, and otherwise (orders paid before transfers, destination charges)
-- the whole net is the owner's, which is where Stripe sent it. Zero amounts book no line.
INSERT INTO ledger_lines (id, entry_id, order_id, kind, party, account_id, amount_minor, currency, occurred_at)
SELECT gen_random_uuid(), e.id, e.order_id, e.kind, 'TAX', NULL, e.tax_minor, e.currency, e.occurred_at
FROM ledger_entries e WHERE e.tax_minor <> 0;

INSERT INTO ledger_lines (id, entry_id, order_id, kind, party, account_id, amount_minor, currency, occurred_at)
SELECT gen_random_uuid(), e.id, e.order_id, e.kind, 'PLATFORM', NULL, e.fee_minor, e.currency, e.occurred_at
FROM ledger_entries e WHERE e.fee_minor <> 0;

CREATE TEMPORARY TABLE split_orders ON COMMIT DROP AS
SELECT e.id AS entry_id
FROM ledger_entries e
WHERE e.net_minor <> 0
  AND (SELECT coalesce(sum(t.amount_minor), 0) FROM transfers t WHERE t.order_id = e.order_id AND t.currency = e.currency)
      = abs(e.net_minor)
  AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.order_id = e.order_id AND t.currency <> e.currency);

INSERT INTO ledger_lines (id, entry_id, order_id, kind, party, account_id, amount_minor, currency, occurred_at)
SELECT gen_random_uuid(), e.id, e.order_id, e.kind,
       CASE WHEN t.recipient_id = e.seller_id THEN 'OWNER' ELSE 'COLLABORATOR' END, t.recipient_id,
       sign(e.net_minor) * t.amount_minor, e.currency, e.occurred_at
FROM ledger_entries e JOIN split_orders s ON s.entry_id = e.id JOIN transfers t ON t.order_id = e.order_id;

INSERT INTO ledger_lines (id, entry_id, order_id, kind, party, account_id, amount_minor, currency, occurred_at)
SELECT gen_random_uuid(), e.id, e.order_id, e.kind, 'OWNER', e.seller_id, e.net_minor, e.currency, e.occurred_at
FROM ledger_entries e
WHERE e.net_minor <> 0 AND NOT EXISTS (SELECT 1 FROM split_orders s WHERE s.entry_id = e.id);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_entries e
               WHERE e.gross_minor <> (SELECT coalesce(sum(l.amount_minor), 0) FROM ledger_lines l WHERE l.entry_id = e.id)) THEN
        RAISE EXCEPTION 'ledger_lines backfill does not add up to the entries';
    END IF;
END
$$;

CREATE FUNCTION ledger_balanced(entry UUID) RETURNS void AS $$
DECLARE
    expected BIGINT;
    booked   BIGINT;
    currencies INTEGER;
BEGIN
    SELECT e.gross_minor INTO expected FROM ledger_entries e WHERE e.id = entry;
    SELECT coalesce(sum(l.amount_minor), 0), count(*) FILTER (WHERE l.currency <> e.currency)
    INTO booked, currencies
    FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id WHERE l.entry_id = entry;
    IF booked <> expected OR currencies > 0 THEN
        RAISE EXCEPTION 'ledger entry % books % in its lines for a gross of %', entry, booked, expected
            USING ERRCODE = 'check_violation';
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION ledger_entry_balanced() RETURNS trigger AS $$
BEGIN
    PERFORM ledger_balanced(NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION ledger_line_balanced() RETURNS trigger AS $$
BEGIN
    PERFORM ledger_balanced(NEW.entry_id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();
CREATE CONSTRAINT TRIGGER ledger_lines_balanced AFTER INSERT ON ledger_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_line_balanced();
CREATE FUNCTION ledger_lines_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_lines is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON ledger_lines
    FOR EACH ROW EXECUTE FUNCTION ledger_lines_append_only();

-- A lost dispute may take back part of a payment, so a reversal may take back part of a transfer: what was
-- reversed is recorded (until now every reversal was of the whole transfer).
ALTER TABLE transfers ADD COLUMN reversed_minor BIGINT CHECK (reversed_minor > 0 AND reversed_minor <= amount_minor);
UPDATE transfers SET reversed_minor = amount_minor WHERE status = 'REVERSED';

-- Analytics keep the sales tax and VAT of each sale and refund beside the amounts without it, for the exports: tax
-- of the day's sales, and tax_refunded of its refunds. Events and rollups recorded before this have none (zero):
-- the rollups of past days are not recomputed, and raw events older than the retention are gone.
ALTER TABLE analytics_events ADD COLUMN tax_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE analytics_daily_money
    ADD COLUMN tax          BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN tax_refunded BIGINT NOT NULL DEFAULT 0;
