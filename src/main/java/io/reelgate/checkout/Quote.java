package io.reelgate.checkout;

import java.util.UUID;

import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What one order costs, worked out on the server: the list price (the bundle's price, or for pay what you want the
 * amount the buyer chose), the discount code that applied, if any, and the amount charged.
 */
record Quote(Money listPrice, Money charged, @Nullable UUID discountCodeId, @Nullable String discountCode) {

	Quote {
		if (!listPrice.currency().equals(charged.currency()) || charged.minor() > listPrice.minor()) {
			throw new IllegalArgumentException("Charged " + charged + " for a list price of " + listPrice);
		}
	}

	static Quote undiscounted(Money price) {
		return new Quote(price, price, null, null);
	}
}
