package io.reelgate.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Money of one day (or, with a null day, the range's totals) in one currency, in minor units. Currencies are never
 * added together. {@code gross}, {@code refunded} and {@code net} leave the sales tax and VAT out: {@code tax} is
 * the tax on the sales (buyers paid {@code gross + tax}) and {@code taxRefunded} the tax returned with the refunds.
 * {@code fees} and {@code net} are after refunds: {@code net = gross - refunded - fees}, which can be negative on a
 * day with more refunded than sold.
 */
public record MoneyFigures(@Nullable LocalDate day, String currency, long gross, long fees, long refunded,
		long refunds, long net, long tax, long taxRefunded) {

	/** Figures with no tax. */
	public MoneyFigures(@Nullable LocalDate day, String currency, long gross, long fees, long refunded, long refunds,
			long net) {
		this(day, currency, gross, fees, refunded, refunds, net, 0, 0);
	}

	/** An amount of this currency for people, with a minus sign when negative. */
	public String format(long minor, Locale locale) {
		String text = new Money(Math.abs(minor), Currency.getInstance(currency)).display(locale);
		return minor < 0 ? "−" + text : text;
	}

	/** An amount as a plain decimal in major units, e.g. {@code -12.50}, for CSV and charts. */
	public BigDecimal decimal(long minor) {
		return BigDecimal.valueOf(minor, Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0));
	}
}
