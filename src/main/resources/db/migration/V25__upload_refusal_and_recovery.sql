-- A resumable upload whose first bytes show a type that may not join a bundle: refused as soon as they arrive, its
-- staged bytes deleted, and every later chunk refused with the same type until the upload expires or is terminated.
ALTER TABLE upload_sessions ADD COLUMN refused_type VARCHAR(255);

-- Set while a chunk sent with Upload-Checksum is being written, until a checkpoint records verified bytes: the bytes
-- such a request leaves staged when its process is killed were never verified, so they are not recovered.
ALTER TABLE upload_sessions ADD COLUMN checksum_pending BOOLEAN NOT NULL DEFAULT FALSE;
