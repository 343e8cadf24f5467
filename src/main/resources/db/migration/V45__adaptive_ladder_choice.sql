-- The creator's choice, per video file, of an adaptive ladder (x264 at lower heights, for slow connections) beside
-- the source's own picture, for a source every browser plays as it is (H.264), which is otherwise only remuxed. The
-- media module reads it when it packages the file; changing it packages the file again.
ALTER TABLE bundle_files ADD COLUMN adaptive_ladder BOOLEAN NOT NULL DEFAULT FALSE;
