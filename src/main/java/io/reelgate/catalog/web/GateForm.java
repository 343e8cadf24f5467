package io.reelgate.catalog.web;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Gate;
import jakarta.validation.constraints.NotNull;

/**
 * The gate a creator picks. {@code amount} is the fixed price, or the minimum for pay what you want, whose
 * {@code suggested} amount the bundle page proposes; all are checked by the catalog's price rules, not here.
 */
record GateForm(@NotNull(message = "{gate.required}") Gate gate, String amount, String suggested, String currency) {

	static GateForm of(BundleSummary bundle, String defaultCurrency) {
		if (bundle.price() == null) {
			return new GateForm(bundle.gate(), "", "", defaultCurrency);
		}
		return new GateForm(bundle.gate(), bundle.price().toDecimalString(),
				bundle.suggestedPrice() == null ? "" : bundle.suggestedPrice().toDecimalString(),
				bundle.price().currency().getCurrencyCode());
	}
}
