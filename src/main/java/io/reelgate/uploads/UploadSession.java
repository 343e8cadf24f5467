package io.reelgate.uploads;

import java.time.Instant;
import java.util.UUID;

/** One resumable upload as stored: who started it, for which bundle, and how far it durably got. */
record UploadSession(UUID id, UUID ownerId, UUID bundleId, String filename, long length, long offset,
		byte[] sha256State, UUID completedFile, Instant expiresAt) {

	boolean completed() {
		return completedFile != null;
	}

	boolean expired(Instant now) {
		return !completed() && !expiresAt.isAfter(now);
	}
}
