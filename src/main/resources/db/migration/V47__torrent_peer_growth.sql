-- What a peer's uploaded and downloaded counters grew by at its last announce. The announce's upsert computes it
-- from the row it replaces (ON CONFLICT DO UPDATE sees the latest committed row, under its lock), so the growth and
-- the new counters are written, and the growth added to torrent_transfer, in one statement without a read first.
ALTER TABLE torrent_peers ADD COLUMN uploaded_growth BIGINT NOT NULL DEFAULT 0 CHECK (uploaded_growth >= 0);
ALTER TABLE torrent_peers ADD COLUMN downloaded_growth BIGINT NOT NULL DEFAULT 0 CHECK (downloaded_growth >= 0);
