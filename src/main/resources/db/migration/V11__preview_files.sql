-- A bundle's video or audio file the creator marks as a free preview (a trailer): anyone may stream it from the
-- public bundle page, without buying.
ALTER TABLE bundle_files ADD COLUMN preview BOOLEAN NOT NULL DEFAULT false;
