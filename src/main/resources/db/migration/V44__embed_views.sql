-- Embeds: a view of a bundle's buy card framed on another site (storefront's /embed/bundles/{id}) is an EMBED event,
-- its referrer the embedding page's host. It is not a page view (analytics_daily.views counts VIEW only); the
-- rollup keeps its referrers in analytics_daily_referrers as "embed:<host>" ("embed:" when the host is unknown).
ALTER TABLE analytics_events DROP CONSTRAINT analytics_events_kind_check;
ALTER TABLE analytics_events ADD CONSTRAINT analytics_events_kind_check
    CHECK (kind IN ('VIEW', 'STREAM', 'UNLOCK', 'REFUND', 'EMBED'));
