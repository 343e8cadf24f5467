package io.reelgate.checkout;

import java.text.NumberFormat;
import java.util.Locale;

import io.reelgate.shared.Money;

/** How much a discount code takes off: a whole percentage (1 to 100) or a fixed amount in one currency. */
public sealed interface Discount {

	/** How much it takes off, as a person reads it: "20%" or "$5.00". */
	String display(Locale locale);

	record Percent(int percent) implements Discount {

		public Percent {
			if (percent < 1 || percent > 100) {
				throw new IllegalArgumentException("Percent off must be 1 to 100: " + percent);
			}
		}

		@Override
		public String display(Locale locale) {
			return NumberFormat.getPercentInstance(locale).format(percent / 100.0);
		}
	}

	record Amount(Money amount) implements Discount {

		public Amount {
			if (amount.isZero()) {
				throw new IllegalArgumentException("An amount off must be above zero");
			}
		}

		@Override
		public String display(Locale locale) {
			return amount.display(locale);
		}
	}
}
