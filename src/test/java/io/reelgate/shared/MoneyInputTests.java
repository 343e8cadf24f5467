package io.reelgate.shared;

import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyInputTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final Currency JPY = Currency.getInstance("JPY");

	@ParameterizedTest(name = "{0} in {1} is {2} cents")
	@CsvSource(delimiterString = "|", value = {
			"4,99|de-DE|499", "4,99|en-US|499", "4.99|de-DE|499", "4.99|en-US|499", "12|en-US|1200", "0,5|fr-FR|50",
			"1.000,50|de-DE|100050", "1,000.50|en-US|100050", "1 000,50|fr-FR|100050", "1\u202F000,50|fr-FR|100050",
			"1'000.50|de-CH|100050", "1,000|en-US|100000", "1.000|de-DE|100000", "1,000|de-DE|100",
			"1.000|en-US|100", "1,000,000|en-US|100000000", "1.000.000|en-US|100000000", " 7,5 |de-DE|750" })
	void readsAmountsAsPeopleWriteThem(String text, String locale, long minor) {
		assertThat(MoneyInput.parse(text, EUR, Locale.forLanguageTag(locale))).isEqualTo(new Money(minor, EUR));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "abc", "-1", "4,999", "1.5.3", "1,000,50", "1,00,000", ",99", "4,", "€4,99",
			"4,99 EUR", "1e3", "1.000,5,0", "99999999999999999999999999" })
	void refusesWhatIsNotAnAmountInTheCurrency(String text) {
		assertThatThrownBy(() -> MoneyInput.parse(text, EUR, Locale.GERMANY))
			.isInstanceOfAny(IllegalArgumentException.class, ArithmeticException.class);
	}

	@Test
	void aCurrencyWithoutDecimalsTakesNone() {
		assertThat(MoneyInput.parse("1.500", JPY, Locale.GERMANY)).isEqualTo(new Money(1500, JPY));
		assertThatThrownBy(() -> MoneyInput.parse("15,5", JPY, Locale.GERMANY))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void writesFormFieldsWithTheLocalesDecimalSeparator() {
		assertThat(MoneyInput.format(new Money(499, EUR), Locale.GERMANY)).isEqualTo("4,99");
		assertThat(MoneyInput.format(new Money(100050, EUR), Locale.US)).isEqualTo("1000.50");
		assertThat(MoneyInput.format(new Money(1500, JPY), Locale.FRANCE)).isEqualTo("1500");
		// What the field shows reads back as the same amount.
		assertThat(MoneyInput.parse(MoneyInput.format(new Money(123456, EUR), Locale.FRANCE), EUR, Locale.FRANCE))
			.isEqualTo(new Money(123456, EUR));
	}
}
