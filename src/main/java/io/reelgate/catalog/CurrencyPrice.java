package io.reelgate.catalog;

import java.util.Currency;
import java.util.Optional;

import io.reelgate.shared.Money;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A priced bundle's price in a currency besides its main one: the fixed price (with an optional rental price below
 * it), or for pay what you want the minimum (zero allowed) and the suggested amount. The bundle's gate says which.
 */
@Embeddable
record CurrencyPrice(Currency currency, long amountMinor, @Nullable Long suggestedMinor, @Nullable Long rentalMinor) {

	CurrencyPrice {
		if (amountMinor < 0 || suggestedMinor != null && suggestedMinor < amountMinor
				|| rentalMinor != null && (rentalMinor <= 0 || rentalMinor >= amountMinor)) {
			throw new IllegalArgumentException("Inconsistent price in " + currency);
		}
	}

	Money amount() {
		return new Money(amountMinor, currency);
	}

	Optional<Money> suggested() {
		return Optional.ofNullable(suggestedMinor).map(m -> new Money(m, currency));
	}

	Optional<Money> rental() {
		return Optional.ofNullable(rentalMinor).map(m -> new Money(m, currency));
	}

	CurrencyPrice withoutRental() {
		return new CurrencyPrice(currency, amountMinor, suggestedMinor, null);
	}
}
