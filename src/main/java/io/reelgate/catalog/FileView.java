package io.reelgate.catalog;

import java.time.Instant;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

/**
 * A bundle's file as other modules see it: enough to list it and to stream its blob. {@code unlocked} marks a file
 * free to everyone; the others are behind the bundle's gate.
 */
public record FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
		String storageKey, Instant createdAt, boolean unlocked) {

	/** Whether a browser can play it in a media element, so an unlocked copy can stream on the bundle page. */
	public boolean playable() {
		return contentType.startsWith("video/") || contentType.startsWith("audio/");
	}
}
