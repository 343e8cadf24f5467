package io.reelgate.catalog.web;

import java.util.Locale;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Gate;
import io.reelgate.shared.MoneyInput;
import jakarta.validation.constraints.NotNull;

/**
 * The gate a creator picks. {@code amount} is the fixed price, or the minimum for pay what you want, whose
 * {@code suggested} amount the bundle page proposes; all are checked by the catalog's price rules, not here.
 */
record GateForm(@NotNull(message = "{gate.required}") Gate gate, String amount, String suggested, String currency) {

	/** The form for the bundle's gate, amounts written as the creator's locale writes them. */
	static GateForm of(BundleSummary bundle, String defaultCurrency, Locale locale) {
		if (bundle.price() == null) {
			return new GateForm(bundle.gate(), "", "", defaultCurrency);
		}
		return new GateForm(bundle.gate(), MoneyInput.format(bundle.price(), locale),
				bundle.suggestedPrice() == null ? "" : MoneyInput.format(bundle.suggestedPrice(), locale),
				bundle.price().currency().getCurrencyCode());
	}
}
