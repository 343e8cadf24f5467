-- Where each signed-in viewer stopped watching each file (the library's player reports it while playing and when
-- the page is left), so a film started on a laptop resumes on a phone. One row per account and file, upserted by
-- every report; a file watched to its end has no row. Anonymous preview viewers are never stored.
CREATE TABLE watch_positions (
    account_id  UUID NOT NULL REFERENCES accounts (id),
    file_id     UUID NOT NULL REFERENCES bundle_files (id) ON DELETE CASCADE,
    position_ms INT NOT NULL CHECK (position_ms >= 0),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, file_id)
);
CREATE INDEX watch_positions_file_idx ON watch_positions (file_id);

-- Caption files of a video (the catalog's), as the creator added them in the editor: each one a WebVTT blob (SRT is
-- converted on the way in), with a BCP 47 language and the label players show. Served as <track> elements and as
-- HLS subtitle renditions; the label names the rendition, so it is unique per file.
CREATE TABLE captions (
    id         UUID PRIMARY KEY,
    file_id    UUID NOT NULL REFERENCES bundle_files (id) ON DELETE CASCADE,
    language   VARCHAR(35) NOT NULL,
    label      VARCHAR(60) NOT NULL,
    blob_key   VARCHAR(200) NOT NULL UNIQUE,
    size       BIGINT NOT NULL CHECK (size > 0),
    sha256     CHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (file_id, label)
);
