-- The storefront's "Featured" row: bundles an admin picked, newest pick first. Null when not featured; hiding or
-- unpublishing keeps the pick (the row shows public bundles only), so restoring a bundle puts it back in the row.
ALTER TABLE bundles ADD COLUMN featured_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX bundles_featured_idx ON bundles (featured_at DESC, id DESC) WHERE featured_at IS NOT NULL;
