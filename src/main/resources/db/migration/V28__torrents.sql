-- BitTorrent delivery (docs/bittorrent.md). Every file starts on a piece boundary (BEP 47 pad files), so a file's
-- SHA-1 piece hashes depend on that file alone and are kept per file: the full pieces, and for a last partial piece
-- its hash alone (when the file ends the torrent) and padded with zeros (when a pad file follows it).
-- hashed_bytes is how far a resumable hashing job got; the hashes are complete when it equals the file's size.
CREATE TABLE torrent_piece_hashes (
    file_id      UUID PRIMARY KEY REFERENCES bundle_files (id) ON DELETE CASCADE,
    piece_length INT    NOT NULL CHECK (piece_length > 0),
    hashed_bytes BIGINT NOT NULL CHECK (hashed_bytes >= 0),
    pieces       BYTEA  NOT NULL CHECK (length(pieces) % 20 = 0),
    tail_alone   BYTEA CHECK (length(tail_alone) = 20),
    tail_padded  BYTEA CHECK (length(tail_padded) = 20),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per distinct info dictionary of a bundle: a new file set (or a renamed file) makes a new torrent, and
-- older ones keep working while their files exist. info holds the exact bencoded bytes the info-hash is taken of.
CREATE TABLE torrents (
    id         UUID PRIMARY KEY,
    bundle_id  UUID  NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    info_hash  BYTEA NOT NULL UNIQUE CHECK (length(info_hash) = 20),
    info       BYTEA NOT NULL,
    name       VARCHAR(300) NOT NULL,
    total_size BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX torrents_bundle_idx ON torrents (bundle_id, created_at);

-- The torrent's file table as web-seed clients ask for it ("name/path", decoded): a bundle file, or a pad file
-- (file_id null) answered with zeros. No foreign key on file_id: a removed file's row stays and answers 404.
CREATE TABLE torrent_entries (
    torrent_id UUID          NOT NULL REFERENCES torrents (id) ON DELETE CASCADE,
    path       VARCHAR(1100) NOT NULL,
    file_id    UUID,
    length     BIGINT        NOT NULL CHECK (length >= 0),
    PRIMARY KEY (torrent_id, path)
);

-- The tracker's swarm, shared by every instance. A peer is keyed by its account too, so one buyer cannot overwrite
-- another's entry by announcing the same peer id.
CREATE TABLE torrent_peers (
    info_hash  BYTEA   NOT NULL CHECK (length(info_hash) = 20),
    account_id UUID    NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    peer_id    BYTEA   NOT NULL CHECK (length(peer_id) = 20),
    bundle_id  UUID    NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    address    BYTEA   NOT NULL CHECK (length(address) IN (4, 16)),
    port       INT     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    uploaded   BIGINT  NOT NULL CHECK (uploaded >= 0),
    downloaded BIGINT  NOT NULL CHECK (downloaded >= 0),
    left_bytes BIGINT  NOT NULL CHECK (left_bytes >= 0),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (info_hash, account_id, peer_id)
);
CREATE INDEX torrent_peers_updated_idx ON torrent_peers (updated_at);

-- Bytes reported by announces, per bundle and UTC day: what peers carried (downloaded) against what the web seed
-- served (download_activity), for creators and admins. Each announce adds the growth since the peer's last one.
CREATE TABLE torrent_transfer (
    bundle_id  UUID   NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    day        DATE   NOT NULL,
    uploaded   BIGINT NOT NULL DEFAULT 0,
    downloaded BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (bundle_id, day)
);

-- Bundles whose creator turned BitTorrent off.
CREATE TABLE torrent_disabled_bundles (
    bundle_id   UUID PRIMARY KEY REFERENCES bundles (id) ON DELETE CASCADE,
    disabled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
