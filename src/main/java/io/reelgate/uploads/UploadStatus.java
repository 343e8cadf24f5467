package io.reelgate.uploads;

import java.time.Instant;
import java.util.UUID;

/** What a HEAD answers about an upload. */
public record UploadStatus(UUID id, UUID bundleId, String filename, long length, long offset, Instant expiresAt) {
}
