package io.reelgate.catalog;

import java.time.Instant;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

/** A bundle's file as other modules see it: enough to list it and to stream its blob; {@code preview} marks a free preview. */
public record FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
		String storageKey, Instant createdAt, boolean preview) {

	/** Whether a browser can play it in a media element, so it may be offered as a free preview. */
	public boolean playable() {
		return contentType.startsWith("video/") || contentType.startsWith("audio/");
	}
}
