-- Resumable uploads staged in object storage (S3 multipart uploads), so that instances share only PostgreSQL and
-- the bucket. NULL columns mean the upload is staged in a local file (filesystem store).
ALTER TABLE upload_sessions
    ADD COLUMN blob_key     VARCHAR(100),
    ADD COLUMN multipart_id VARCHAR(1024),
    ADD COLUMN part_size    BIGINT CHECK (part_size > 0),
    -- The upload's first bytes (up to 64 KiB), kept once they are in a stored part, for the type check at the end.
    ADD COLUMN head         BYTEA;

-- The parts stored so far. upload_offset minus their total is the tail: bytes kept in a scratch object named after
-- upload_offset until they fill a part.
CREATE TABLE upload_parts (
    upload_id   UUID NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
    part_number INTEGER NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    etag        VARCHAR(200) NOT NULL,
    size        BIGINT NOT NULL CHECK (size > 0),
    PRIMARY KEY (upload_id, part_number)
);
