package io.reelgate.library;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.BundleId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's right to download a bundle's files, earned by an order. */
@Entity
@Table(name = "entitlements")
class Entitlement {

	@Id
	private UUID id;

	private UUID accountId;

	private UUID bundleId;

	private UUID orderId;

	private Instant grantedAt;

	protected Entitlement() {
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	Instant grantedAt() {
		return grantedAt;
	}
}
