package io.reelgate.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money as an integer number of minor units (cents, pence, yen) in one ISO 4217 currency.
 * Never floating point: conversions to and from decimal text go through {@link BigDecimal} with the
 * currency's own number of fraction digits, and reject anything finer.
 */
public record Money(long minor, Currency currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (minor < 0) {
			throw new IllegalArgumentException("Money cannot be negative: " + minor);
		}
	}

	public static Money of(long minor, String currencyCode) {
		return new Money(minor, currencyOf(currencyCode));
	}

	/**
	 * Parses a decimal amount such as {@code 12.5} typed by a person into minor units of the currency.
	 * @throws IllegalArgumentException if the text is not a number or has more decimals than the currency
	 */
	public static Money parse(String amount, Currency currency) {
		BigDecimal decimal;
		try {
			decimal = new BigDecimal(amount.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not an amount: " + amount);
		}
		BigDecimal minor = decimal.movePointRight(fractionDigits(currency));
		if (minor.signum() < 0 || minor.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException("Not a valid amount in " + currency + ": " + amount);
		}
		return new Money(minor.longValueExact(), currency);
	}

	public static Currency currencyOf(String code) {
		try {
			return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("Unknown currency: " + code);
		}
	}

	public boolean isZero() {
		return minor == 0;
	}

	public Money plus(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
		}
		return new Money(Math.addExact(minor, other.minor), currency);
	}

	/** What is left after taking {@code other} away, e.g. a discount: list price minus the price paid. */
	public Money minus(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot subtract " + other.currency + " from " + currency);
		}
		return new Money(Math.subtractExact(minor, other.minor), currency);
	}

	/** The amount as decimal text without currency symbol, e.g. {@code 12.50}; used to prefill forms. */
	public String toDecimalString() {
		return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
	}

	/** The amount formatted for people in the given locale, e.g. {@code $12.50} or {@code 12,50 €}. */
	public String display(Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(currency);
		int digits = fractionDigits(currency);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(minor, digits));
	}

	@Override
	public String toString() {
		return toDecimalString() + " " + currency.getCurrencyCode();
	}

	private static int fractionDigits(Currency currency) {
		return Math.max(currency.getDefaultFractionDigits(), 0);
	}
}
