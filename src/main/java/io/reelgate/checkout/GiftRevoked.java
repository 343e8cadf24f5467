package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

/**
 * A gift order was refunded, disputed or removed with its bundle: its claim link stops working and the recipient, if
 * they claimed it, loses the bundle. Published instead of {@link OrderRevoked}.
 */
public record GiftRevoked(OrderId orderId, AccountId buyer, BundleId bundle, OrderRevoked.Reason reason) {
}
