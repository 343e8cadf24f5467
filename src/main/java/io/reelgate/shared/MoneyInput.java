package io.reelgate.shared;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that reads amounts people type and writes amounts into form fields, as their locale writes them:
 * {@code 4,99} and {@code 4.99} are both 4.99 EUR (or USD), {@code 1.000,50} and {@code 1,000.50} both a thousand
 * and fifty cents, and a German viewer's field shows {@code 4,99}. A separator is the decimal one when it is the
 * last separator and not followed by exactly three digits; an ambiguous {@code 1.000} or {@code 1,000} is read as
 * the locale reads it (a thousand in English for the comma, in German for the dot). Grouping must be in threes;
 * spaces, no-break spaces and apostrophes (Swiss grouping) are ignored; a currency symbol or code is not accepted.
 */
public final class MoneyInput {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F'’]");

	private static final Pattern SHAPE = Pattern.compile("\\d+([.,]\\d+)*");

	private MoneyInput() {
	}

	/**
	 * @throws IllegalArgumentException if the text is not an amount, or has more decimals than the currency
	 */
	public static Money parse(String text, Currency currency, Locale locale) {
		String amount = SPACES.matcher(text == null ? "" : text).replaceAll("");
		if (amount.length() > 40 || !SHAPE.matcher(amount).matches()) {
			throw new IllegalArgumentException("Not an amount: " + text);
		}
		int last = Math.max(amount.lastIndexOf('.'), amount.lastIndexOf(','));
		if (last < 0) {
			return Money.parse(amount, currency);
		}
		char separator = amount.charAt(last);
		String after = amount.substring(last + 1);
		boolean decimal = after.length() != 3 || amount.indexOf(otherThan(separator)) >= 0
				|| amount.indexOf(separator) == last && separator == decimalSeparator(locale);
		String integerPart = decimal ? amount.substring(0, last) : amount;
		String fraction = decimal ? after : "";
		char grouping = decimal ? otherThan(separator) : separator;
		if (integerPart.indexOf(otherThan(grouping)) >= 0 || !groupedInThrees(integerPart, grouping)) {
			throw new IllegalArgumentException("Not an amount: " + text);
		}
		String plain = integerPart.replace(String.valueOf(grouping), "");
		return Money.parse(fraction.isEmpty() ? plain : plain + "." + fraction, currency);
	}

	/** The amount as a form field shows it in the locale: its decimal separator, no grouping ({@code 4,99}). */
	public static String format(Money money, Locale locale) {
		String plain = BigDecimal.valueOf(money.minor(), Math.max(money.currency().getDefaultFractionDigits(), 0))
			.toPlainString();
		return plain.replace('.', decimalSeparator(locale));
	}

	private static char decimalSeparator(Locale locale) {
		char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
		return separator == ',' ? ',' : '.';
	}

	private static char otherThan(char separator) {
		return separator == '.' ? ',' : '.';
	}

	private static boolean groupedInThrees(String integerPart, char grouping) {
		String[] groups = integerPart.split(Pattern.quote(String.valueOf(grouping)), -1);
		if (groups.length == 1) {
			return true;
		}
		if (groups[0].isEmpty() || groups[0].length() > 3) {
			return false;
		}
		for (int i = 1; i < groups.length; i++) {
			if (groups[i].length() != 3) {
				return false;
			}
		}
		return true;
	}
}
