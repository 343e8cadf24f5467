package io.reelgate.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * What keeps a bundle out of the storefront besides its status: an admin hid it (with a reason), moderation removed
 * it for good ({@code removedAt}; it is hidden too, so every storefront query leaves it out, and only an upheld
 * appeal brings it back), or its creator is suspended or banned ({@code ownerWithdrawnAt}).
 */
@Embeddable
record Withdrawal(@Column(name = "hidden_at") @Nullable Instant hiddenAt,
		@Column(name = "hidden_reason") @Nullable String hiddenReason,
		@Column(name = "removed_at") @Nullable Instant removedAt,
		@Column(name = "owner_withdrawn_at") @Nullable Instant ownerWithdrawnAt) {

	static final Withdrawal NONE = new Withdrawal(null, null, null, null);

	boolean isWithdrawn() {
		return hiddenAt != null || ownerWithdrawnAt != null;
	}

	boolean isRemoved() {
		return removedAt != null;
	}

	/** @throws CatalogException if the bundle was removed: nothing but an upheld appeal changes that */
	void assertNotRemoved() {
		if (removedAt != null) {
			throw new CatalogException("bundle.removed");
		}
	}

	Withdrawal hidden(String reason, Instant now) {
		assertNotRemoved();
		return new Withdrawal(now, reason, null, ownerWithdrawnAt);
	}

	/** Undoes a hiding; a removed bundle stays out. */
	Withdrawal restored() {
		assertNotRemoved();
		return new Withdrawal(null, null, null, ownerWithdrawnAt);
	}

	/** Callers check {@link #isRemoved()} first, so a repeated removal changes nothing. */
	Withdrawal removed(String reason, Instant now) {
		return new Withdrawal(now, reason, now, ownerWithdrawnAt);
	}

	Withdrawal reinstatedAfterRemoval() {
		if (removedAt == null) {
			throw new CatalogException("bundle.notRemoved");
		}
		return new Withdrawal(null, null, null, ownerWithdrawnAt);
	}

	/** The creator was suspended or banned; the first withdrawal's time stays. */
	Withdrawal withOwner(Instant now) {
		return ownerWithdrawnAt != null ? this : new Withdrawal(hiddenAt, hiddenReason, removedAt, now);
	}

	Withdrawal reinstatedWithOwner() {
		return new Withdrawal(hiddenAt, hiddenReason, removedAt, null);
	}

	/** The reason shown to the creator and admins while hidden. */
	@Nullable String shownReason() {
		return hiddenAt == null ? null : hiddenReason;
	}
}
