package io.reelgate.catalog;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.catalog.CatalogProperties.PriceLimits;
import io.reelgate.shared.Money;
import io.reelgate.shared.MoneyInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Decides which prices a creator may set: a configured currency, between its minimum and maximum. */
@Component
public class PriceRules {

	private final CatalogProperties properties;

	private final EditorDefaults defaults;

	PriceRules(CatalogProperties properties, EditorDefaults defaults) {
		this.properties = properties;
		this.defaults = defaults;
	}

	/** The currency codes a creator can choose from, sorted. */
	public List<String> currencies() {
		return properties.prices().keySet().stream().map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList();
	}

	/**
	 * The currency the editor proposes for a new price: {@code reelgate.studio.defaults.currency} (or the older
	 * {@code reelgate.catalog.default-currency}) if it is one of the priced currencies, else the first of them.
	 */
	public String defaultCurrency() {
		String currency = defaults.current().currency();
		String chosen = currency == null || currency.isBlank() ? properties.defaultCurrency() : currency;
		String configured = chosen.strip().toUpperCase(Locale.ROOT);
		List<String> all = currencies();
		return all.contains(configured) ? configured : all.get(0);
	}

	/**
	 * Turns what a creator typed into a price, or explains why it cannot be one.
	 * @throws CatalogException with a message code for the form
	 */
	Money price(String amount, String currencyCode) {
		PriceLimits limits = limits(currencyCode);
		Money price = parse(amount, Money.currencyOf(currencyCode), "gate.price.invalid");
		if (!limits.allow(price)) {
			throw outOfRange("gate.price.outOfRange", limits, price.currency());
		}
		return price;
	}

	/** A pay-what-you-want minimum: zero, or a price the currency's range allows. */
	Money minimum(String amount, String currencyCode) {
		PriceLimits limits = limits(currencyCode);
		Money minimum = parse(amount, Money.currencyOf(currencyCode), "gate.price.invalid");
		if (!minimum.isZero() && !limits.allow(minimum)) {
			throw outOfRange("gate.pwyw.minimumOutOfRange", limits, minimum.currency());
		}
		return minimum;
	}

	/**
	 * Checks what a viewer chose to pay for a pay-what-you-want bundle: at least its minimum, and either zero (when
	 * the minimum is zero: a free unlock) or an amount the currency's range allows, so no payment is too small for
	 * the gateway or absurdly large.
	 * @throws CatalogException with a message code (and arguments) for the bundle page's form
	 */
	public Money chosenAmount(BundleSummary bundle, @Nullable String amount) {
		Money minimum = bundle.price();
		if (!bundle.isPayWhatYouWant() || minimum == null) {
			throw new IllegalArgumentException("Bundle " + bundle.id() + " is not pay what you want");
		}
		return chosenAmount(minimum, amount);
	}

	/** As {@link #chosenAmount(BundleSummary, String)}, against a lower minimum (a discount code's). */
	public Money chosenAmount(Money minimum, @Nullable String amount) {
		Money chosen = parse(amount, minimum.currency(), "checkout.amount.invalid");
		if (chosen.minor() < minimum.minor()) {
			throw new CatalogException("checkout.amount.belowMinimum", minimum.toDecimalString(),
					minimum.currency().getCurrencyCode());
		}
		PriceLimits limits = limits(minimum.currency().getCurrencyCode());
		if (!chosen.isZero() && !limits.allow(chosen)) {
			throw outOfRange(minimum.isZero() ? "checkout.amount.outOfRangeOrZero" : "checkout.amount.outOfRange",
					limits, chosen.currency());
		}
		return chosen;
	}

	/** The lowest price a creator may set in the currency: what a discount may lower a price to, short of zero. */
	public Money smallestPrice(Currency currency) {
		return new Money(limits(currency.getCurrencyCode()).min(), currency);
	}

	/** Whether bundles may be priced in the currency. */
	public boolean accepts(Currency currency) {
		return currencies().contains(currency.getCurrencyCode());
	}

	private PriceLimits limits(@Nullable String currencyCode) {
		return properties.prices().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase(currencyCode == null ? "" : currencyCode.trim()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new CatalogException("gate.currency.unknown"));
	}

	/** Reads the amount as the person typing it writes amounts: the request's locale, whichever form is asking. */
	private static Money parse(@Nullable String amount, Currency currency, String invalidCode) {
		try {
			return MoneyInput.parse(amount == null ? "" : amount, currency, LocaleContextHolder.getLocale());
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new CatalogException(invalidCode);
		}
	}

	private static CatalogException outOfRange(String code, PriceLimits limits, Currency currency) {
		return new CatalogException(code, new Money(limits.min(), currency).toDecimalString(),
				new Money(limits.max(), currency).toDecimalString(), currency.getCurrencyCode());
	}
}
