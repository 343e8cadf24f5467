package io.reelgate.checkout.simulated;

import java.util.Map;
import java.util.Optional;

import io.reelgate.checkout.Settlement;
import io.reelgate.checkout.TaxProperties;
import io.reelgate.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedTaxTests {

	@ParameterizedTest(name = "{0} at {1} bp {2}: gross {3}, tax {4}")
	@CsvSource(textBlock = """
			1000, 1900, EXCLUSIVE, 1190, 190
			999,  1900, EXCLUSIVE, 1189, 190
			1,    1900, EXCLUSIVE, 1,    0
			3,    2000, EXCLUSIVE, 4,    1
			1190, 1900, INCLUSIVE, 1190, 190
			1000, 1900, INCLUSIVE, 1000, 160
			1000, 2000, INCLUSIVE, 1000, 167
			1,    2500, INCLUSIVE, 1,    0
			1000, 0,    INCLUSIVE, 1000, 0
			""")
	void addsOrTakesOutTheCountrysRateRoundedHalfUp(long price, int rate, TaxProperties.Behavior behavior, long gross,
			long tax) {
		TaxProperties properties = new TaxProperties(true, behavior, "txcd_10402100", "txcd_10402000", "required",
				Map.of("XX", rate));

		Settlement settlement = SimulatedTax.settle(Money.of(price, "EUR"), Optional.of("xx"), properties);

		assertThat(settlement.gross()).isEqualTo(Money.of(gross, "EUR"));
		assertThat(settlement.tax()).isEqualTo(Money.of(tax, "EUR"));
		assertThat(settlement.net().minor() + settlement.tax().minor()).isEqualTo(gross);
		assertThat(settlement.taxCountry()).isEqualTo("XX");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			EXCLUSIVE
			INCLUSIVE
			""")
	void aCountryOutsideTheTableIsNotTaxed(TaxProperties.Behavior behavior) {
		TaxProperties properties = new TaxProperties(true, behavior, "a", "b", "auto", Map.of("DE", 1900));

		assertThat(SimulatedTax.settle(Money.of(1000, "EUR"), Optional.of("ZZ"), properties))
			.isEqualTo(Settlement.untaxed(Money.of(1000, "EUR")));
		assertThat(SimulatedTax.settle(Money.of(1000, "EUR"), Optional.empty(), properties))
			.isEqualTo(Settlement.untaxed(Money.of(1000, "EUR")));
	}
}
