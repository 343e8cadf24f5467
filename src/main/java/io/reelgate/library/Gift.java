package io.reelgate.library;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A paid gift order seen from the library: the claim link (only its token's SHA-256), who claimed it, and whether the
 * order's refund or dispute voided it. Claimed at most once, under the row's lock (see {@link Gifts}).
 */
@Entity
@Table(name = "gifts")
class Gift {

	@Id
	private UUID orderId;

	private UUID bundleId;

	private UUID buyerId;

	private String recipientEmail;

	private @Nullable String message;

	private @Nullable String tokenSha256;

	private @Nullable Instant tokenExpiresAt;

	private @Nullable Instant sentAt;

	private @Nullable UUID claimedBy;

	private @Nullable Instant claimedAt;

	private @Nullable Instant voidedAt;

	private Instant createdAt;

	protected Gift() {
	}

	Gift(OrderId order, BundleId bundle, AccountId buyer, String recipientEmail, @Nullable String message,
			Instant now) {
		this.orderId = order.value();
		this.bundleId = bundle.value();
		this.buyerId = buyer.value();
		this.recipientEmail = recipientEmail;
		this.message = message;
		this.createdAt = now;
	}

	OrderId order() {
		return new OrderId(orderId);
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	AccountId buyer() {
		return new AccountId(buyerId);
	}

	String recipientEmail() {
		return recipientEmail;
	}

	@Nullable String message() {
		return message;
	}

	@Nullable Instant sentAt() {
		return sentAt;
	}

	@Nullable Instant claimedAt() {
		return claimedAt;
	}

	boolean claimed() {
		return claimedAt != null;
	}

	boolean voided() {
		return voidedAt != null;
	}

	boolean expiredAt(Instant now) {
		return tokenExpiresAt == null || !now.isBefore(tokenExpiresAt);
	}

	/** Whether the buyer may have the link mailed again now. */
	boolean resendableAt(Instant now, Duration interval) {
		return !claimed() && !voided() && (sentAt == null || !now.isBefore(sentAt.plus(interval)));
	}

	/** A new link replaces the previous one, which stops working. */
	void issueLink(String tokenSha256, Instant expiresAt, Instant now) {
		if (claimed() || voided()) {
			throw new GiftException(claimed() ? "gift.link.used" : "gift.link.void");
		}
		this.tokenSha256 = tokenSha256;
		this.tokenExpiresAt = expiresAt;
		this.sentAt = now;
	}

	/**
	 * Checks the link is still good for claiming, without changing anything.
	 * @throws GiftException if it was claimed, voided or has expired
	 */
	void assertClaimable(Instant now) {
		if (claimed()) {
			throw new GiftException("gift.link.used");
		}
		if (voided()) {
			throw new GiftException("gift.link.void");
		}
		if (expiredAt(now)) {
			throw new GiftException("gift.link.expired");
		}
	}

	void claim(AccountId account, Instant now) {
		assertClaimable(now);
		if (account.value().equals(buyerId)) {
			throw new GiftException("gift.claim.ownGift");
		}
		this.claimedBy = account.value();
		this.claimedAt = now;
	}

	void voidAt(Instant now) {
		if (voidedAt == null) {
			this.voidedAt = now;
		}
	}

	void reinstate() {
		this.voidedAt = null;
	}
}
