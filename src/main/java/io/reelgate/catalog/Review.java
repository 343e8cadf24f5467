package io.reelgate.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's last trip through pre-moderation: when its creator asked for review (the queue's order) and, if an admin
 * sent it back, why, for its creator. The bundle's status says whether it is waiting now.
 */
@Embeddable
record Review(@Column(name = "review_requested_at") @Nullable Instant requestedAt,
		@Column(name = "review_note") @Nullable String note) {

	/** A new request: it joins the queue now, and the last rejection's note no longer applies. */
	static Review requested(Instant now) {
		return new Review(now, null);
	}

	Review rejected(String reason) {
		return new Review(requestedAt, reason);
	}
}
