package io.reelgate.catalog;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.BundleFileId;

/**
 * One caption file of a video, stored as WebVTT.
 *
 * @param language its BCP 47 tag ({@code en}, {@code pt-BR})
 * @param label what players and pages call it ({@code English}, {@code Français (SDH)})
 */
public record CaptionView(UUID id, BundleFileId file, String language, String label, String blobKey, long size,
		String sha256, Instant createdAt) {

	public static final String CONTENT_TYPE = "text/vtt; charset=utf-8";
}
