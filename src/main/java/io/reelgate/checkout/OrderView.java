package io.reelgate.checkout;

import java.time.Instant;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

/** An order as pages show it; {@code amount} is null for a free claim. */
public record OrderView(OrderId id, AccountId buyer, BundleId bundle, @Nullable Money amount, OrderStatus status,
		Instant createdAt, @Nullable Instant paidAt) {
}
