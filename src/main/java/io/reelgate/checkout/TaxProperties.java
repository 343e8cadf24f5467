package io.reelgate.checkout;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sales tax and VAT on sales.
 *
 * @param enabled with Stripe, whether Checkout computes and collects tax (Stripe Tax, {@code automatic_tax}); the
 * platform's Stripe account must have Stripe Tax set up (head office, registrations)
 * @param behavior whether prices include the tax ({@code INCLUSIVE}, as EU shops show them) or have it added at
 * checkout ({@code EXCLUSIVE}, as US shops do)
 * @param purchaseCode the Stripe product tax code of a bundle bought to keep (digital video, unlimited use)
 * @param rentalCode the Stripe product tax code of a rental (digital video streaming, limited use)
 * @param billingAddress Checkout's {@code billing_address_collection}: {@code required} (a full address, the evidence
 * of the buyer's location that EU VAT on digital services asks for) or {@code auto} (only what Stripe Tax needs)
 * @param simulatedRates the demo rate table of the simulated gateway: country code to basis points (1900 = 19 %);
 * labelled as simulated wherever it shows, never a statement of real tax rates
 */
@ConfigurationProperties("reelgate.tax")
@Validated
public record TaxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("EXCLUSIVE") @NotNull Behavior behavior,
		@DefaultValue("txcd_10402100") @NotBlank String purchaseCode,
		@DefaultValue("txcd_10402000") @NotBlank String rentalCode,
		@DefaultValue("required") @NotBlank String billingAddress, Map<String, Integer> simulatedRates) {

	/** The demo table when none is configured: a few countries, to see the whole path offline. */
	private static final Map<String, Integer> DEMO_RATES = Map.of("DE", 1900, "FR", 2000, "GB", 2000, "NL", 2100,
			"SE", 2500, "US", 0);

	public TaxProperties {
		simulatedRates = simulatedRates == null || simulatedRates.isEmpty() ? DEMO_RATES
				: Map.copyOf(simulatedRates);
		if (simulatedRates.values().stream().anyMatch(rate -> rate == null || rate < 0 || rate > 10_000)) {
			throw new IllegalArgumentException("reelgate.tax.simulated-rates must be 0..10000 basis points");
		}
	}

	/** The Stripe product tax code for an order of this kind. */
	public String codeFor(OrderKind kind) {
		return kind == OrderKind.RENTAL ? rentalCode : purchaseCode;
	}

	/** The simulated rate of a country, in basis points, if the demo table has it. */
	public Optional<Integer> simulatedRate(String country) {
		return Optional.ofNullable(simulatedRates.get(country.toUpperCase(Locale.ROOT)));
	}

	/** Whether prices include the tax or have it added. */
	public enum Behavior {
		INCLUSIVE, EXCLUSIVE
	}
}
