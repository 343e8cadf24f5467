package io.reelgate.library;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

/** A screener code as its creator's list shows it (never the code itself, which only its CSV file holds). */
public record ScreenerView(UUID id, BundleId bundle, @Nullable String label, boolean streamOnly,
		@Nullable Instant expiresAt, Instant createdAt, @Nullable Instant redeemedAt, @Nullable Instant revokedAt) {

	public boolean redeemed() {
		return redeemedAt != null;
	}

	public boolean revoked() {
		return revokedAt != null;
	}
}
