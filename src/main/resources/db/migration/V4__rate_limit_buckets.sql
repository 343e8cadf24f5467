-- Rate limit token buckets shared by every instance (Bucket4j's PostgreSQL proxy manager, select-for-update
-- flavour; see io.reelgate.ratelimit.RateLimiter). The id is the limited key plus the limit, e.g.
-- 'checkout:account:<uuid>@10/PT10M'; state is Bucket4j's serialized bucket, empty for the moment between the
-- row's insert and its first update; expires_at is epoch milliseconds after which the bucket is full again and
-- may be deleted.

CREATE TABLE rate_limit_buckets (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_expires_at_idx ON rate_limit_buckets (expires_at);
