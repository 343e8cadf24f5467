package io.reelgate.shared;

import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final Currency JPY = Currency.getInstance("JPY");

	@Test
	void parsesTypedAmountsIntoMinorUnitsOfTheCurrency() {
		assertThat(Money.parse("12.5", USD)).isEqualTo(new Money(1250, USD));
		assertThat(Money.parse(" 0.99 ", USD)).isEqualTo(new Money(99, USD));
		assertThat(Money.parse("1500", JPY)).isEqualTo(new Money(1500, JPY));
	}

	@Test
	void rejectsAmountsFinerThanTheCurrencyAllows() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1.999", USD));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("10.5", JPY));
	}

	@Test
	void rejectsNegativeAndNonNumericAmounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("-1", USD));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("ten", USD));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1e3x", USD));
	}

	@Test
	void rejectsUnknownCurrencyCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, "XYZ1"));
		assertThat(Money.of(100, "eur").currency()).isEqualTo(Currency.getInstance("EUR"));
	}

	@Test
	void formatsForPeopleAndForForms() {
		assertThat(new Money(1999, USD).display(Locale.US)).isEqualTo("$19.99");
		assertThat(new Money(1999, USD).toDecimalString()).isEqualTo("19.99");
		assertThat(new Money(5, USD).toDecimalString()).isEqualTo("0.05");
		assertThat(new Money(1500, JPY).toDecimalString()).isEqualTo("1500");
	}

	@Test
	void addsOnlyTheSameCurrency() {
		assertThat(new Money(100, USD).plus(new Money(250, USD))).isEqualTo(new Money(350, USD));
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, USD).plus(new Money(1, JPY)));
	}

	@Test
	void subtractsOnlyTheSameCurrencyAndNeverBelowZero() {
		assertThat(new Money(999, USD).minus(new Money(749, USD))).isEqualTo(new Money(250, USD));
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, USD).minus(new Money(1, JPY)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, USD).minus(new Money(101, USD)));
	}
}
