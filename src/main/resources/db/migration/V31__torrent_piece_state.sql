-- Files whose piece hashes could not be computed (docs/bittorrent.md), for the editor and the admin page to show
-- and for the hashing job to skip: a missing or truncated blob is not tried again (retry_at null) until an admin asks
-- for it or the file is replaced (a replaced file is a new row of bundle_files); a read error is tried again at
-- retry_at, later after each failure.
CREATE TABLE torrent_hash_failures (
    file_id   UUID PRIMARY KEY REFERENCES bundle_files (id) ON DELETE CASCADE,
    reason    VARCHAR(20)  NOT NULL CHECK (reason IN ('MISSING', 'TRUNCATED', 'UNREADABLE')),
    detail    VARCHAR(300) NOT NULL,
    attempts  INT          NOT NULL CHECK (attempts > 0),
    retry_at  TIMESTAMP WITH TIME ZONE,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the web seed served per bundle and day, beside what announces reported: peers carried downloaded - web_seed.
ALTER TABLE torrent_transfer ADD COLUMN web_seed BIGINT NOT NULL DEFAULT 0 CHECK (web_seed >= 0);

-- An upload's BitTorrent piece hashes in progress (uploads' PieceHashing: the full pieces' SHA-1s and the open
-- piece's SHA-1 state), saved after each checkpoint like sha256_state; null once handed over, or when the background
-- job is left to hash the file.
ALTER TABLE upload_sessions ADD COLUMN piece_state BYTEA;
