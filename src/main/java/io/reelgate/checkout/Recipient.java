package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Whom an order is for: the buyer themselves ({@link #BUYER}), or as a gift the recipient's address with an optional
 * message. A gift's events are the gift ones, so its buyer is neither granted nor revoked the bundle.
 */
@Embeddable
record Recipient(@Column(name = "gift_email") @Nullable String email,
		@Column(name = "gift_message") @Nullable String message) {

	static final Recipient BUYER = new Recipient(null, null);

	boolean isGift() {
		return email != null;
	}

	Object paid(OrderId order, AccountId buyer, BundleId bundle) {
		return email != null ? new GiftPurchased(order, buyer, bundle, email, message)
				: new OrderPaid(order, buyer, bundle);
	}

	Object revoked(OrderId order, AccountId buyer, BundleId bundle, OrderRevoked.Reason why) {
		return isGift() ? new GiftRevoked(order, buyer, bundle, why) : new OrderRevoked(order, buyer, bundle, why);
	}

	Object reinstated(OrderId order, AccountId buyer, BundleId bundle) {
		return isGift() ? new GiftReinstated(order, buyer, bundle) : new OrderReinstated(order, buyer, bundle);
	}
}
