package io.reelgate.catalog;

import java.time.Instant;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's file as other modules see it: enough to list it and to stream its blob. {@code unlocked} marks a file
 * free to everyone; the others are behind the bundle's gate. {@code media} is what ffprobe found, null until a probe
 * has looked (and for files it never looks at); {@code hasPoster} says that a poster frame taken from the video can
 * become the bundle's cover; {@code adaptiveLadder} that its creator asked for lower qualities of an H.264 video,
 * encoded beside its own picture, when it is packaged for online playback.
 */
public record FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
		String storageKey, Instant createdAt, boolean unlocked, @Nullable MediaInfo media, boolean hasPoster,
		boolean adaptiveLadder) {

	public FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
			String storageKey, Instant createdAt, boolean unlocked, @Nullable MediaInfo media, boolean hasPoster) {
		this(id, bundleId, name, contentType, size, sha256, storageKey, createdAt, unlocked, media, hasPoster, false);
	}

	public FileView(BundleFileId id, BundleId bundleId, String name, String contentType, long size, String sha256,
			String storageKey, Instant createdAt, boolean unlocked) {
		this(id, bundleId, name, contentType, size, sha256, storageKey, createdAt, unlocked, null, false, false);
	}

	/** Whether a browser can play it in a media element, so an unlocked copy can stream on the bundle page. */
	public boolean playable() {
		return contentType.startsWith("video/") || contentType.startsWith("audio/");
	}

	/** Whether its creator may ask for an adaptive ladder: a video whose picture is H.264, which is otherwise remuxed. */
	public boolean ladderOptional() {
		return media != null && "h264".equals(media.videoCodec()) && media.height() != null;
	}
}
