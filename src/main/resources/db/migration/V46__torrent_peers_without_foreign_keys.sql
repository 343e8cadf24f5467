-- Every announce inserts or updates its peer's row, and a foreign key makes each such write lock the referenced
-- row FOR KEY SHARE: on release day every peer of a swarm references one bundle row, so thousands of concurrent
-- announces share-lock that one row (PostgreSQL records several lockers of a row as a multixact). Peers
-- are ephemeral (expired after peer-lifetime by PeerExpiryJob) and only ever handed out after their account's access
-- to the bundle is checked, so a peer of a deleted account or bundle is never given out and goes at expiry.
ALTER TABLE torrent_peers DROP CONSTRAINT torrent_peers_account_id_fkey;
ALTER TABLE torrent_peers DROP CONSTRAINT torrent_peers_bundle_id_fkey;
