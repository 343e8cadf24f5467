package io.reelgate.checkout;

import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One row of the sales query: paid orders of one bundle in one currency (null currency: free claims). */
record Sales(UUID bundleId, @Nullable Currency currency, long count, long grossMinor) {
}
