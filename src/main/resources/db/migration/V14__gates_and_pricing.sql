-- Gates and pricing (issue 7).

-- Unlocked files generalise V11's free previews: any file a creator unlocks is free to everyone (trailer, poster,
-- press kit); the rest stays behind the bundle's gate. Every preview is an unlocked file, so a rename migrates them.
ALTER TABLE bundle_files RENAME COLUMN preview TO unlocked;
