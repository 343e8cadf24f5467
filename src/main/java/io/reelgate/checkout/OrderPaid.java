package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

/**
 * A buyer acquired a bundle: paid for it, or claimed it for free. Published in the transaction that marks the
 * order paid and kept in the event publication registry until every listener has handled it.
 */
public record OrderPaid(OrderId orderId, AccountId buyer, BundleId bundle) {
}
