package io.reelgate.catalog;

import java.time.Instant;

/** A bundle's cover image blob, or one of its sized copies ({@link CoverRenditions}). */
public record CoverView(String storageKey, String contentType, long size, String sha256, Instant updatedAt) {

	/** Names these bytes in URLs: the first 16 hex digits (64 bits) of the SHA-256. */
	public String version() {
		return sha256.substring(0, 16);
	}
}
