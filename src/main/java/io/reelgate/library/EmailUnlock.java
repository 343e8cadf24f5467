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
 * A viewer's request to unlock an email-gated bundle with their address, and once they follow the emailed link,
 * its confirmation. Only the token's SHA-256 is kept; confirming happens at most once (see {@link EmailUnlocks}).
 */
@Entity
@Table(name = "email_unlocks")
class EmailUnlock {

	@Id
	private UUID id;

	private UUID bundleId;

	private UUID creatorId;

	private String email;

	private @Nullable UUID accountId;

	private Instant consentAt;

	private String tokenSha256;

	private Instant tokenExpiresAt;

	private @Nullable Instant confirmedAt;

	protected EmailUnlock() {
	}

	EmailUnlock(BundleId bundle, AccountId creator, String email, @Nullable AccountId account, String tokenSha256,
			Instant expiresAt, Instant now) {
		this.id = UUID.randomUUID();
		this.bundleId = bundle.value();
		this.creatorId = creator.value();
		this.email = email;
		this.accountId = account == null ? null : account.value();
		this.consentAt = now;
		this.tokenSha256 = tokenSha256;
		this.tokenExpiresAt = expiresAt;
	}

	UUID id() {
		return id;
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	@Nullable AccountId account() {
		return accountId == null ? null : new AccountId(accountId);
	}

	String email() {
		return email;
	}

	boolean confirmed() {
		return confirmedAt != null;
	}

	boolean expiredAt(Instant now) {
		return !now.isBefore(tokenExpiresAt);
	}

	AccountId creator() {
		return new AccountId(creatorId);
	}

	Instant consentAt() {
		return consentAt;
	}

	@Nullable Instant confirmedAt() {
		return confirmedAt;
	}

	/**
	 * Confirms the address, once; the confirming viewer's account is adopted if the request was anonymous.
	 * @throws EmailUnlockException if the link was used already or has expired
	 */
	void confirm(@Nullable AccountId viewer, Instant now) {
		if (confirmedAt != null) {
			throw new EmailUnlockException("emailGate.link.used");
		}
		if (!now.isBefore(tokenExpiresAt)) {
			throw new EmailUnlockException("emailGate.link.expired");
		}
		this.confirmedAt = now;
		if (accountId == null && viewer != null) {
			this.accountId = viewer.value();
		}
	}
}
