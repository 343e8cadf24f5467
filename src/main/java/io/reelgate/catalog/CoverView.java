package io.reelgate.catalog;

import java.time.Instant;

/** A bundle's cover image blob. */
public record CoverView(String storageKey, String contentType, long size, String sha256, Instant updatedAt) {
}
