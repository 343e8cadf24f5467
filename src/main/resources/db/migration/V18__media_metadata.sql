-- What ffprobe found in a video or audio file (all null when it found nothing it could read), when it looked
-- (null: not probed, e.g. while ffprobe is missing), and the poster frame ffmpeg took from a video, a JPEG blob the
-- creator may use as the bundle's cover.
ALTER TABLE bundle_files
    ADD COLUMN media_probed_at  TIMESTAMP WITH TIME ZONE,
    ADD COLUMN duration_ms      BIGINT CHECK (duration_ms >= 0),
    ADD COLUMN width            INT CHECK (width > 0),
    ADD COLUMN height           INT CHECK (height > 0),
    ADD COLUMN video_codec      VARCHAR(32),
    ADD COLUMN audio_codec      VARCHAR(32),
    ADD COLUMN container_format VARCHAR(64),
    ADD COLUMN poster_key       VARCHAR(200) UNIQUE;
-- The backlog job's question: which files has no probe looked at yet?
CREATE INDEX bundle_files_unprobed_idx ON bundle_files (created_at) WHERE media_probed_at IS NULL;
