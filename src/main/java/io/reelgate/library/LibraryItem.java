package io.reelgate.library;

import java.time.Instant;

import io.reelgate.catalog.BundleDetails;
import org.jspecify.annotations.Nullable;

/**
 * A bundle in a buyer's library and when it became theirs; {@code revokedReason} (REFUNDED or DISPUTED) says why
 * it can no longer be downloaded, if so.
 */
public record LibraryItem(BundleDetails bundle, Instant acquiredAt, @Nullable String revokedReason) {

	public boolean active() {
		return revokedReason == null;
	}
}
