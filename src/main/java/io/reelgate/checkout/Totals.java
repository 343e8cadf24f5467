package io.reelgate.checkout;

import java.util.Currency;
import java.util.Locale;

import io.reelgate.shared.Money;

/**
 * Sums from the ledger in one currency, in minor units ({@code gross = tax + fee + net}). They can be negative (more refunded than sold in a
 * period), which {@link Money} cannot hold, hence longs; {@link #display} formats them either way.
 */
public record Totals(long grossMinor, long taxMinor, long feeMinor, long netMinor, Currency currency) {

	/** The sales tax and VAT collected, which the platform owes the tax authorities. */
	public String tax(Locale locale) {
		return display(taxMinor, locale);
	}

	public String gross(Locale locale) {
		return display(grossMinor, locale);
	}

	public String fee(Locale locale) {
		return display(feeMinor, locale);
	}

	public String net(Locale locale) {
		return display(netMinor, locale);
	}

	private String display(long minor, Locale locale) {
		String amount = new Money(Math.abs(minor), currency).display(locale);
		return minor < 0 ? "\u2212" + amount : amount;
	}
}
