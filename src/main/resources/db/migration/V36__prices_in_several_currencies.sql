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
