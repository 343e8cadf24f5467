package io.reelgate.checkout;

import java.util.Currency;
import java.util.Optional;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.CatalogException;
import io.reelgate.catalog.PriceRules;
import io.reelgate.checkout.CheckoutService.Terms;
import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the buyer typed on the bundle page, checked for {@link CheckoutService} against the server's rules: the
 * currency they asked to pay in, and for pay what you want the amount they chose. Refusals are
 * {@link CheckoutRefusedException}s.
 */
@Component
class CheckoutTerms {

	private final PriceRules priceRules;

	private final DiscountService discounts;

	CheckoutTerms(PriceRules priceRules, DiscountService discounts) {
		this.priceRules = priceRules;
		this.discounts = discounts;
	}

	/** The currency the buyer asked to pay in, if any; one nobody knows is refused like one the bundle lacks. */
	static Optional<Currency> currency(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Money.currencyOf(code));
		}
		catch (IllegalArgumentException ex) {
			throw new CheckoutRefusedException("checkout.currency.unavailable");
		}
	}

	/** For pay what you want, the buyer's amount, checked against the bundle's minimum and the currency's range. */
	Optional<Money> chosenAmount(BundleSummary bundle, Terms terms) {
		if (!bundle.isPayWhatYouWant()) {
			return Optional.empty();
		}
		Money minimum = bundle.price();
		if (terms.hasCode()) {
			DiscountService.CodeCheck check = discounts.check(bundle, terms.discountCode());
			if (!check.applies()) {
				throw new CheckoutRefusedException(check.problem());
			}
			minimum = check.price();
		}
		try {
			return Optional.of(priceRules.chosenAmount(minimum, terms.amount()));
		}
		catch (CatalogException ex) {
			throw new CheckoutRefusedException(ex.code(), ex.arguments());
		}
	}
}
