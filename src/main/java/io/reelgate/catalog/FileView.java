package io.reelgate.catalog;

import java.time.Instant;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's file as other modules see it: enough to list it and to stream its blob; {@code preview} marks a free
 * preview. {@code media} is what ffprobe found, null until a probe has looked (and for files it never looks at);
 * {@code hasPoster} says that a poster frame taken from the video can become the bundle's cover.
 */
public record FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
		String storageKey, Instant createdAt, boolean preview, @Nullable MediaInfo media, boolean hasPoster) {

	public FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
			String storageKey, Instant createdAt, boolean preview) {
		this(id, bundleId, name, contentType, size, sha256, storageKey, createdAt, preview, null, false);
	}

	/** Whether a browser can play it in a media element, so it may be offered as a free preview. */
	public boolean playable() {
		return contentType.startsWith("video/") || contentType.startsWith("audio/");
	}
}
