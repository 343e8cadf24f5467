package io.reelgate.checkout;

import java.time.Instant;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

/** An order as pages show it; {@code amount} is null for a free claim, {@code feeMinor} is the platform's share. */
public record OrderView(OrderId id, AccountId buyer, BundleId bundle, AccountId seller, @Nullable Money amount,
		long feeMinor, OrderStatus status, Instant createdAt, @Nullable Instant paidAt) {

	public boolean refundable() {
		return amount != null && !amount.isZero() && (status == OrderStatus.PAID || status == OrderStatus.DISPUTED);
	}
}
