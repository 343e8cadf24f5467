-- Reelgate schema, version 1: accounts, catalog, checkout, library, moderation,
-- and Spring Modulith's event publication registry (its v2 table layout).

CREATE TABLE accounts (
    id            UUID PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(80)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('VIEWER', 'CREATOR', 'ADMIN')),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL
);
-- Emails are stored lower-cased by the application; the index makes duplicates impossible even under races.
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE TABLE bundles (
    id                 UUID PRIMARY KEY,
    owner_id           UUID NOT NULL REFERENCES accounts (id),
    creator_name       VARCHAR(80)   NOT NULL,
    title              VARCHAR(140)  NOT NULL,
    summary            VARCHAR(280)  NOT NULL,
    description        TEXT          NOT NULL,
    status             VARCHAR(16)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    gate               VARCHAR(16)   NOT NULL CHECK (gate IN ('FREE', 'PAID')),
    price_minor        BIGINT CHECK (price_minor > 0),
    price_currency     VARCHAR(3),
    cover_key          VARCHAR(200),
    cover_content_type VARCHAR(100),
    cover_size         BIGINT,
    cover_sha256       VARCHAR(64),
    cover_updated_at   TIMESTAMP WITH TIME ZONE,
    hidden_at          TIMESTAMP WITH TIME ZONE,
    hidden_reason      VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at       TIMESTAMP WITH TIME ZONE,
    version            BIGINT NOT NULL,
    -- Full-text search over title (weighted highest), creator and summary; kept up to date by PostgreSQL.
    search             TSVECTOR GENERATED ALWAYS AS (
                           setweight(to_tsvector('english', title), 'A') ||
                           setweight(to_tsvector('simple', creator_name), 'B') ||
                           setweight(to_tsvector('english', summary), 'C')) STORED,
    CHECK ((gate = 'FREE' AND price_minor IS NULL AND price_currency IS NULL)
        OR (gate = 'PAID' AND price_minor IS NOT NULL AND price_currency IS NOT NULL))
);
CREATE INDEX bundles_search_idx ON bundles USING GIN (search);
CREATE INDEX bundles_storefront_idx ON bundles (published_at DESC) WHERE status = 'PUBLISHED' AND hidden_at IS NULL;
CREATE INDEX bundles_owner_idx ON bundles (owner_id, created_at DESC);

CREATE TABLE bundle_files (
    id           UUID PRIMARY KEY,
    bundle_id    UUID NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    position     INT          NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL CHECK (size_bytes > 0),
    sha256       VARCHAR(64)  NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key  VARCHAR(200) NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bundle_files_bundle_idx ON bundle_files (bundle_id, position);

CREATE TABLE orders (
    id           UUID PRIMARY KEY,
    buyer_id     UUID NOT NULL REFERENCES accounts (id),
    bundle_id    UUID NOT NULL REFERENCES bundles (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    currency     VARCHAR(3),
    status       VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'PAID', 'CANCELLED')),
    gateway      VARCHAR(16) NOT NULL,
    payment_ref  VARCHAR(255),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at      TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL
);
-- A buyer has at most one open checkout and at most one paid order per bundle: double clicks and
-- concurrent confirmations cannot charge or grant twice.
CREATE UNIQUE INDEX orders_one_pending_idx ON orders (buyer_id, bundle_id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX orders_one_paid_idx ON orders (buyer_id, bundle_id) WHERE status = 'PAID';
CREATE INDEX orders_bundle_idx ON orders (bundle_id, status);
CREATE UNIQUE INDEX orders_payment_ref_idx ON orders (payment_ref);

CREATE TABLE entitlements (
    id         UUID PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES accounts (id),
    bundle_id  UUID NOT NULL REFERENCES bundles (id),
    order_id   UUID NOT NULL REFERENCES orders (id),
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (account_id, bundle_id)
);

CREATE TABLE audit_log (
    id          UUID PRIMARY KEY,
    actor_id    UUID NOT NULL REFERENCES accounts (id),
    actor_name  VARCHAR(80)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    target_type VARCHAR(20)  NOT NULL,
    target_id   UUID         NOT NULL,
    target_name VARCHAR(200) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_log_recent_idx ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_id, occurred_at DESC);

CREATE TABLE event_publication (
    id                     UUID NOT NULL,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
