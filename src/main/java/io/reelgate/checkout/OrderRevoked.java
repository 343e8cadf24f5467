package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

/**
 * The buyer lost what an order gave them: the money went back (refund), is contested (dispute), or moderation
 * removed the bundle and refunded them ({@code REMOVED}).
 */
public record OrderRevoked(OrderId orderId, AccountId buyer, BundleId bundle, Reason reason) {

	/** Why access ended; shown to the buyer in their library. */
	public enum Reason {
		REFUNDED, DISPUTED, REMOVED
	}
}
