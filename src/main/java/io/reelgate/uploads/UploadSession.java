package io.reelgate.uploads;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.storage.MultipartBlobs.Multipart;
import org.jspecify.annotations.Nullable;

/**
 * One resumable upload as stored: who started it, for which bundle, and how far it durably got.
 *
 * @param multipart the object-storage upload its bytes go to, or {@code null} when they are staged in a local file
 * @param refusedType the type its first bytes showed, if that type may not join a bundle: it takes no more bytes
 * @param checksumPending whether a chunk with a checksum was being written since the last checkpoint, so that bytes
 * staged past the offset may be unverified
 */
record UploadSession(UUID id, UUID ownerId, UUID bundleId, String filename, long length, long offset,
		byte[] sha256State, UUID completedFile, Instant expiresAt, @Nullable Multipart multipart,
		@Nullable String refusedType, boolean checksumPending) {

	boolean completed() {
		return completedFile != null;
	}

	boolean expired(Instant now) {
		return !completed() && !expiresAt.isAfter(now);
	}
}
