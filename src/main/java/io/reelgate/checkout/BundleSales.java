package io.reelgate.checkout;

import java.util.List;

import io.reelgate.shared.Money;

/**
 * What a bundle has sold: the number of paid orders (free claims included) and the gross per currency,
 * since a creator may have changed the currency along the way.
 */
public record BundleSales(long count, List<Money> gross) {

	public static final BundleSales NONE = new BundleSales(0, List.of());
}
