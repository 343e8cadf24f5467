package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

/** A dispute ended in the seller's favour: the buyer has the bundle again. */
public record OrderReinstated(OrderId orderId, AccountId buyer, BundleId bundle) {
}
