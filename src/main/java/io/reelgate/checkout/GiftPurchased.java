package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * A buyer paid for a bundle as a gift to {@code recipientEmail}. Published instead of {@link OrderPaid}: the buyer
 * gets nothing into their own library; the recipient claims the bundle through a mailed link.
 */
public record GiftPurchased(OrderId orderId, AccountId buyer, BundleId bundle, String recipientEmail,
		@Nullable String message) {
}
