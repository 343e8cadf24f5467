-- Analytics: raw events, kept for reelgate.analytics.retention, and daily rollups, which are all the studio reads.
-- No raw IP address is stored anywhere: a view or a stream is keyed by a hash of the visitor with a salt that
-- changes every day and is deleted the day after (analytics_salts), so yesterday's keys cannot be linked to
-- an address or to today's keys.
CREATE TABLE analytics_events (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('VIEW', 'STREAM', 'UNLOCK', 'REFUND')),
    bundle_id   UUID NOT NULL,
    creator_id  UUID NOT NULL,
    day         DATE NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When this instance wrote the row: the rollup job finds the days that changed since its last runs by it.
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Views and streams: a salted hash (one per visitor, bundle or file and day); orders: the order and movement.
    -- A second event with the same key is not recorded, which makes counting idempotent and deduplicates visitors.
    dedupe_key  VARCHAR(100) UNIQUE,
    -- UNLOCK: the gate that let the viewer in (PURCHASE, FREE, EMAIL, RENTAL, ...).
    unlock_kind VARCHAR(16),
    -- VIEW: host of the Referer header, or "ref:<code>" for a creator's ?ref= link; null when direct or unknown.
    referrer    VARCHAR(100),
    -- UNLOCK and REFUND with money: the amounts, all in this currency. A REFUND row with units = -1 and negative
    -- amounts is a dispute the seller won, which gives the money back to the seller.
    currency    VARCHAR(3),
    gross_minor BIGINT NOT NULL DEFAULT 0,
    fee_minor   BIGINT NOT NULL DEFAULT 0,
    net_minor   BIGINT NOT NULL DEFAULT 0,
    units       SMALLINT NOT NULL DEFAULT 1,
    CHECK (gross_minor = fee_minor + net_minor)
);
CREATE INDEX analytics_events_recorded_idx ON analytics_events (recorded_at);
CREATE INDEX analytics_events_day_idx ON analytics_events (day, bundle_id);

CREATE TABLE analytics_salts (
    day  DATE PRIMARY KEY,
    salt BYTEA NOT NULL
);

-- Rollups, one row per creator, bundle and day; bundle_id 00000000-0000-0000-0000-000000000000 holds the sum
-- of all the creator's bundles, so a creator's overall figures read one row a day however many bundles they have.
CREATE TABLE analytics_daily (
    creator_id UUID NOT NULL,
    bundle_id  UUID NOT NULL,
    day        DATE NOT NULL,
    views      BIGINT NOT NULL DEFAULT 0,
    streams    BIGINT NOT NULL DEFAULT 0,
    downloads  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (creator_id, bundle_id, day)
);

CREATE TABLE analytics_daily_unlocks (
    creator_id UUID NOT NULL,
    bundle_id  UUID NOT NULL,
    day        DATE NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    unlocks    BIGINT NOT NULL,
    PRIMARY KEY (creator_id, bundle_id, day, kind)
);

-- Money per currency, never summed across currencies. fees and net are after refunds (the platform returns its
-- fee with a refund, as the ledger books it): net = gross - refunded - fees.
CREATE TABLE analytics_daily_money (
    creator_id UUID NOT NULL,
    bundle_id  UUID NOT NULL,
    day        DATE NOT NULL,
    currency   VARCHAR(3) NOT NULL,
    gross      BIGINT NOT NULL,
    fees       BIGINT NOT NULL,
    refunded   BIGINT NOT NULL,
    refunds    BIGINT NOT NULL,
    net        BIGINT NOT NULL,
    PRIMARY KEY (creator_id, bundle_id, day, currency)
);

CREATE TABLE analytics_daily_referrers (
    creator_id UUID NOT NULL,
    bundle_id  UUID NOT NULL,
    day        DATE NOT NULL,
    referrer   VARCHAR(100) NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (creator_id, bundle_id, day, referrer)
);

-- The rollup job reads and rewrites whole days (today, yesterday) across all creators.
CREATE INDEX analytics_daily_day_idx ON analytics_daily (day);
CREATE INDEX analytics_daily_unlocks_day_idx ON analytics_daily_unlocks (day);
CREATE INDEX analytics_daily_money_day_idx ON analytics_daily_money (day);
CREATE INDEX analytics_daily_referrers_day_idx ON analytics_daily_referrers (day);
