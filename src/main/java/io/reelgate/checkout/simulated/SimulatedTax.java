package io.reelgate.checkout.simulated;

import java.util.Locale;
import java.util.Optional;

import io.reelgate.checkout.Settlement;
import io.reelgate.checkout.TaxProperties;
import io.reelgate.shared.Money;

/**
 * The simulated gateway's stand-in for Stripe Tax: the demo rate of the buyer's chosen country
 * ({@code reelgate.tax.simulated-rates}) applied to the price, added on top or taken out of it as the operator
 * configured prices, rounded half up to a whole minor unit. A country outside the table pays no tax.
 */
final class SimulatedTax {

	private static final long BASIS = 10_000;

	private SimulatedTax() {
	}

	static Settlement settle(Money price, Optional<String> country, TaxProperties tax) {
		Optional<Integer> rate = country.flatMap(tax::simulatedRate);
		if (rate.isEmpty()) {
			return Settlement.untaxed(price);
		}
		String where = country.get().toUpperCase(Locale.ROOT);
		long minor = price.minor();
		long bp = rate.get();
		if (tax.behavior() == TaxProperties.Behavior.INCLUSIVE) {
			// The price holds net + net * rate: the net is price / (1 + rate), rounded half up, the tax the rest.
			long net = (Math.multiplyExact(minor, BASIS) * 2 + (BASIS + bp)) / ((BASIS + bp) * 2);
			return new Settlement(price, new Money(minor - net, price.currency()), where, null);
		}
		long added = (Math.multiplyExact(minor, bp) + BASIS / 2) / BASIS;
		return new Settlement(new Money(minor + added, price.currency()), new Money(added, price.currency()),
				where, null);
	}
}
