package io.reelgate.library;

import java.time.Instant;

import io.reelgate.catalog.BundleDetails;
import org.jspecify.annotations.Nullable;

/**
 * A bundle in a buyer's library and when it became theirs; {@code revokedReason} (REFUNDED or DISPUTED) says why
 * it can no longer be downloaded, if so. {@code rental} is set when the buyer rents the bundle rather than owns it;
 * {@code streamOnly} when a stream-only screener code put it there.
 */
public record LibraryItem(BundleDetails bundle, Instant acquiredAt, @Nullable String revokedReason,
		@Nullable Rental rental, boolean streamOnly) {

	public boolean active() {
		return revokedReason == null;
	}

	/** Whether the files download: an active entitlement that is not a rental nor a stream-only screener. */
	public boolean downloads() {
		return active() && rental == null && !streamOnly;
	}

	/** Whether its media only stream: a stream-only screener code, with no window. */
	public boolean streamsOnly() {
		return active() && streamOnly;
	}

	/**
	 * A rental's window: {@code hours} from the first play; {@code endsAt} is empty until then, and {@code ended}
	 * once it has passed.
	 */
	public record Rental(int hours, @Nullable Instant endsAt, boolean ended) {
	}
}
