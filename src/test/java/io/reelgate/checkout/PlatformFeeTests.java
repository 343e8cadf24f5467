package io.reelgate.checkout;

import java.util.Map;

import io.reelgate.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformFeeTests {

	@ParameterizedTest(name = "{1} bp of {0} = {2}")
	@CsvSource(textBlock = """
			1999, 1000, 200
			1995, 1000, 200
			1994, 1000, 199
			5,    1000, 1
			4,    1000, 0
			0,    1000, 0
			1000, 0,    0
			1000, 10000, 1000
			999999999, 1000, 100000000
			""")
	void roundsThePercentageHalfUpToAWholeMinorUnit(long price, int basisPoints, long fee) {
		assertThat(new PlatformFee(new FeeProperties(basisPoints, Map.of())).of(Money.of(price, "USD")))
			.isEqualTo(Money.of(fee, "USD"));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			USD, 1000, 130
			EUR, 1000, 100
			USD, 10,   10
			""")
	void addsTheFixedPartOfTheCurrencyButNeverMoreThanThePrice(String currency, long price, long fee) {
		PlatformFee fees = new PlatformFee(new FeeProperties(1000, Map.of("USD", 30L)));
		assertThat(fees.of(Money.of(price, currency))).isEqualTo(Money.of(fee, currency));
	}
}
