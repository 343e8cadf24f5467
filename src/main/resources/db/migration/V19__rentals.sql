-- Rentals (issue 7): a paid bundle may also rent for less; a rental streams the locked video and audio files for a
-- window that starts at the first play, and never downloads.

-- The creator's offer: a rental price below the purchase price, in its currency, and the window in hours.
ALTER TABLE bundles
    ADD COLUMN rental_price_minor BIGINT,
    ADD COLUMN rental_hours       INT CHECK (rental_hours > 0);
ALTER TABLE bundles ADD CONSTRAINT bundles_rental_check CHECK (
       (rental_price_minor IS NULL AND rental_hours IS NULL)
    OR (gate = 'PAID' AND rental_price_minor > 0 AND rental_price_minor < price_minor AND rental_hours IS NOT NULL));

-- What an order buys: the bundle (PURCHASE) or a rental of it, whose window is copied from the offer.
ALTER TABLE orders
    ADD COLUMN kind         VARCHAR(16) NOT NULL DEFAULT 'PURCHASE' CHECK (kind IN ('PURCHASE', 'RENTAL')),
    ADD COLUMN rental_hours INT CHECK (rental_hours > 0);
ALTER TABLE orders ADD CONSTRAINT orders_rental_check CHECK ((kind = 'RENTAL') = (rental_hours IS NOT NULL));
-- One paid purchase per buyer and bundle as before; a buyer may rent again after a rental ended, or buy after renting.
DROP INDEX orders_one_paid_idx;
CREATE UNIQUE INDEX orders_one_paid_idx ON orders (buyer_id, bundle_id) WHERE status = 'PAID' AND kind = 'PURCHASE';

-- A rental's entitlement: its window (hours) runs from first_played_at, set once by the first stream of a locked
-- media file (a conditional update, so concurrent first plays on several instances agree on one moment).
ALTER TABLE entitlements
    ADD COLUMN rental_hours    INT CHECK (rental_hours > 0),
    ADD COLUMN first_played_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE entitlements DROP CONSTRAINT entitlements_source_check;
ALTER TABLE entitlements ADD CONSTRAINT entitlements_source_check CHECK (
       (source = 'ORDER' AND order_id IS NOT NULL AND email_unlock_id IS NULL AND rental_hours IS NULL)
    OR (source = 'EMAIL' AND order_id IS NULL AND email_unlock_id IS NOT NULL AND rental_hours IS NULL)
    OR (source = 'RENTAL' AND order_id IS NOT NULL AND email_unlock_id IS NULL AND rental_hours IS NOT NULL));
