package io.reelgate.checkout;

import io.reelgate.shared.BundleId;

/** What one bundle earned in one currency, from the ledger. */
public record BundleEarnings(BundleId bundle, long sales, Totals totals) {
}
