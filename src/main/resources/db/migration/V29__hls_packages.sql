-- HLS packages of video and audio files (the media module's): one row per file, from the moment its packaging is
-- queued. A package is READY only once every rendition's blob is stored and its row below written, in the same
-- transaction; until then the renditions table has nothing for it. claimed_by is the packaging run that holds the
-- file, and lease_until when its claim lapses, so that another instance may take it over after a crash, and never two
-- at once.
CREATE TABLE hls_packages (
    file_id         UUID PRIMARY KEY,
    state           VARCHAR(16) NOT NULL CHECK (state IN ('QUEUED', 'PACKAGING', 'READY', 'FAILED')),
    progress        INT NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    method          VARCHAR(8) CHECK (method IN ('REMUX', 'LADDER')),
    failure         VARCHAR(300),
    claimed_by      UUID,
    lease_until     TIMESTAMP WITH TIME ZONE,
    master_playlist TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One single-file fMP4 rendition (init section and every segment, addressed by EXT-X-BYTERANGE) and its media
-- playlist, whose URIs are relative: the rendition's name plus .m4s.
CREATE TABLE hls_renditions (
    file_id      UUID NOT NULL REFERENCES hls_packages (file_id) ON DELETE CASCADE,
    name         VARCHAR(16) NOT NULL,
    playlist     TEXT NOT NULL,
    blob_key     VARCHAR(200) NOT NULL UNIQUE,
    size         BIGINT NOT NULL CHECK (size >= 0),
    sha256       CHAR(64) NOT NULL,
    content_type VARCHAR(32) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (file_id, name)
);

-- The packaging workers' question: which files wait, or were left by an instance that stopped?
CREATE INDEX hls_packages_waiting_idx ON hls_packages (updated_at) WHERE state IN ('QUEUED', 'PACKAGING');
