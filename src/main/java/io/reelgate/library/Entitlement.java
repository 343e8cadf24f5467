package io.reelgate.library;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.BundleId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An account's right to a bundle's files, earned by one order (revoked when that order is refunded or disputed) or
 * by a confirmed email unlock.
 */
@Entity
@Table(name = "entitlements")
class Entitlement {

	@Id
	private UUID id;

	private UUID accountId;

	private UUID bundleId;

	/** The order that earned it; null for another source (see {@code source}). */
	private @Nullable UUID orderId;

	/** How it was earned: {@code ORDER} or {@code EMAIL} (a confirmed email unlock). */
	private String source;

	private @Nullable UUID emailUnlockId;

	private Instant grantedAt;

	private @Nullable Instant revokedAt;

	private @Nullable String revokedReason;

	protected Entitlement() {
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	Instant grantedAt() {
		return grantedAt;
	}

	boolean active() {
		return revokedAt == null;
	}

	@Nullable String revokedReason() {
		return revokedReason;
	}
}
