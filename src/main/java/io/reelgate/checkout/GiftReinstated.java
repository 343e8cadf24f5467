package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

/** A disputed gift order was won by the seller: the gift is valid again. Published instead of {@link OrderReinstated}. */
public record GiftReinstated(OrderId orderId, AccountId buyer, BundleId bundle) {
}
