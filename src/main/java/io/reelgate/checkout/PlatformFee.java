package io.reelgate.checkout;

import java.util.Locale;

import io.reelgate.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The one place that decides the platform's share of a sale. Rounding rule: the percentage part is computed
 * exactly in integer minor units and rounded half up to a whole minor unit (10 % of $0.05 is $0.01; 10 % of $0.04
 * is $0.00); the fixed part for the currency is then added, and the fee never exceeds the price.
 */
@Component
public class PlatformFee {

	private static final long BASIS = 10_000;

	private final FeeProperties properties;

	PlatformFee(FeeProperties properties) {
		this.properties = properties;
	}

	public Money of(Money price) {
		long percentage = (Math.multiplyExact(price.minor(), (long) properties.basisPoints()) + BASIS / 2) / BASIS;
		long fixed = properties.fixed().getOrDefault(price.currency().getCurrencyCode().toUpperCase(Locale.ROOT), 0L);
		return new Money(Math.min(price.minor(), percentage + fixed), price.currency());
	}
}
