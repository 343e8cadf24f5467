package io.reelgate.library;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A single-use screener or press code for one bundle. Only the SHA-256 of the code is kept; redeeming it once, before
 * its expiry and unless its creator revoked it, grants an entitlement that downloads or, if {@code streamOnly}, only
 * streams.
 */
@Entity
@Table(name = "screener_codes")
class ScreenerCode {

	@Id
	private UUID id;

	private UUID bundleId;

	private UUID creatorId;

	private byte[] codeHash;

	private @Nullable String label;

	private boolean streamOnly;

	private @Nullable Instant expiresAt;

	private Instant createdAt;

	private @Nullable Instant redeemedAt;

	private @Nullable UUID redeemedBy;

	private @Nullable Instant revokedAt;

	protected ScreenerCode() {
	}

	ScreenerCode(BundleId bundle, AccountId creator, byte[] codeHash, @Nullable String label, boolean streamOnly,
			@Nullable Instant expiresAt, Instant now) {
		this.id = UUID.randomUUID();
		this.bundleId = bundle.value();
		this.creatorId = creator.value();
		this.codeHash = codeHash.clone();
		this.label = label;
		this.streamOnly = streamOnly;
		this.expiresAt = expiresAt;
		this.createdAt = now;
	}

	UUID id() {
		return id;
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	AccountId creator() {
		return new AccountId(creatorId);
	}

	byte[] codeHash() {
		return codeHash.clone();
	}

	boolean streamOnly() {
		return streamOnly;
	}

	/**
	 * Marks the code used by {@code account}; the caller holds its row lock.
	 * @throws ScreenerException if it was used, revoked or has expired
	 */
	void redeem(AccountId account, Instant now) {
		if (revokedAt != null) {
			throw new ScreenerException("screener.redeem.revoked");
		}
		if (redeemedAt != null) {
			throw new ScreenerException("screener.redeem.used");
		}
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			throw new ScreenerException("screener.redeem.expired");
		}
		this.redeemedAt = now;
		this.redeemedBy = account.value();
	}

	/** @return whether this call revoked it (a second revocation changes nothing) */
	boolean revoke(Instant now) {
		if (revokedAt != null) {
			return false;
		}
		this.revokedAt = now;
		return true;
	}

	ScreenerView view() {
		return new ScreenerView(id, bundle(), label, streamOnly, expiresAt, createdAt, redeemedAt, revokedAt);
	}
}
