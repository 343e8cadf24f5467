package io.reelgate.catalog.web;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Gate;
import jakarta.validation.constraints.NotNull;

/** The gate a creator picks; amount and currency are checked by the catalog's price rules, not here. */
record GateForm(@NotNull(message = "{gate.required}") Gate gate, String amount, String currency) {

	static GateForm of(BundleSummary bundle, String defaultCurrency) {
		if (bundle.price() == null) {
			return new GateForm(bundle.gate(), "", defaultCurrency);
		}
		return new GateForm(bundle.gate(), bundle.price().toDecimalString(), bundle.price().currency().getCurrencyCode());
	}
}
