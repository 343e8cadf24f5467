package io.reelgate.catalog;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * When a pre-ordered bundle's buyers get its locked files ({@code at}; none: released on purchase) and when that was
 * announced to them ({@code announcedAt}, written only by {@link Bundles#markReleaseAnnounced}). Once a release has
 * come it cannot be taken back: its buyers have the files.
 */
@Embeddable
record Release(@Column(name = "release_at") @Nullable Instant at,
		@Column(name = "release_announced_at") @Nullable Instant announcedAt) {

	static final Release NONE = new Release(null, null);

	/** How far ahead a release may be set: a pre-order of ten years is already generous. */
	static final Duration MAX_PRE_ORDER = Duration.ofDays(3653);

	/**
	 * Sets or moves the release to {@code to}, which must be in the future and at most {@link #MAX_PRE_ORDER} away (a
	 * year like 999999999 is a typo, and beyond what PostgreSQL stores).
	 */
	Release movedTo(Instant to, Instant now) {
		if (!to.isAfter(now)) {
			throw new CatalogException("release.past");
		}
		if (to.isAfter(now.plus(MAX_PRE_ORDER))) {
			throw new CatalogException("release.tooFar", MAX_PRE_ORDER.toDays() / 365);
		}
		if (isOut(now)) {
			throw new CatalogException("release.alreadyOut");
		}
		return new Release(to, announcedAt);
	}

	/** Whether a release date was set and has come. */
	boolean isOut(Instant now) {
		return at != null && !at.isAfter(now);
	}

	/** Whether a release date is set and still to come. */
	boolean isAhead(Instant now) {
		return at != null && at.isAfter(now);
	}
}
