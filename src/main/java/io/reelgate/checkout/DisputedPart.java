package io.reelgate.checkout;

import io.reelgate.shared.Money;

/**
 * What a dispute took of an order's payment, as the ledger booked it: the part of the {@link OrderView#net()} (the
 * payment less its tax), of the platform's fee in it, and of the tax. A dispute may contest less than the whole
 * payment, so these can be smaller than the order's own amounts.
 */
public record DisputedPart(Money net, long feeMinor, long taxMinor) {
}
