package io.reelgate.checkout;

import java.time.Instant;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * An order as pages show it: {@code amount} is what was charged (null for a free bundle's claim), {@code listPrice}
 * the price before the discount {@code discountCode} (for pay what you want, the amount chosen), {@code feeMinor}
 * the platform's share. A {@code RENTAL} order ({@code kind}) streams for {@code rentalHours}.
 */
public record OrderView(OrderId id, AccountId buyer, BundleId bundle, AccountId seller, @Nullable Money amount,
		@Nullable Money listPrice, @Nullable String discountCode, long feeMinor, OrderStatus status, Instant createdAt, @Nullable Instant paidAt,
		OrderKind kind, @Nullable Integer rentalHours) {

	/** A rental streams the locked media for {@code rentalHours} from the first play, and never downloads. */
	public boolean rental() {
		return kind == OrderKind.RENTAL;
	}

	public boolean discounted() {
		return discountCode != null && listPrice != null && amount != null && !listPrice.equals(amount);
	}

	public boolean refundable() {
		return amount != null && !amount.isZero() && (status == OrderStatus.PAID || status == OrderStatus.DISPUTED);
	}
}
