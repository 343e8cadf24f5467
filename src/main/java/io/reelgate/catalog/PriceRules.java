package io.reelgate.catalog;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.catalog.CatalogProperties.PriceLimits;
import io.reelgate.shared.Money;

import org.springframework.stereotype.Component;

/** Decides which prices a creator may set: a configured currency, between its minimum and maximum. */
@Component
public class PriceRules {

	private final CatalogProperties properties;

	PriceRules(CatalogProperties properties) {
		this.properties = properties;
	}

	/** The currency codes a creator can choose from, sorted. */
	public List<String> currencies() {
		return properties.prices().keySet().stream().map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList();
	}

	/**
	 * Turns what a creator typed into a price, or explains why it cannot be one.
	 * @throws CatalogException with a message code for the form
	 */
	Money price(String amount, String currencyCode) {
		PriceLimits limits = properties.prices().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase(currencyCode == null ? "" : currencyCode.trim()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new CatalogException("gate.currency.unknown"));
		Currency currency = Money.currencyOf(currencyCode);
		Money price;
		try {
			price = Money.parse(amount == null ? "" : amount, currency);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new CatalogException("gate.price.invalid");
		}
		if (price.minor() < limits.min() || price.minor() > limits.max()) {
			throw new CatalogException("gate.price.outOfRange", new Money(limits.min(), currency).toDecimalString(),
					new Money(limits.max(), currency).toDecimalString(), currency.getCurrencyCode());
		}
		return price;
	}
}
