package io.reelgate.catalog;

import java.util.Currency;

import io.reelgate.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A rental beside a fixed price, in the main currency: a lower price that streams the locked media for
 * {@code hours}. Other currencies' rental prices ({@link CurrencyPrice#rental()}) share its window.
 */
@Embeddable
record RentalOffer(@Column(name = "rental_price_minor") long priceMinor, @Column(name = "rental_hours") int hours) {

	/**
	 * A rental for {@code price} beside the purchase price {@code purchase}: cheaper than buying, in its currency.
	 * @throws CatalogException if the currencies differ or the rental would not cost less
	 */
	static RentalOffer beside(Money purchase, Money price, int hours) {
		if (!price.currency().equals(purchase.currency())) {
			throw new CatalogException("rental.currency", purchase.currency().getCurrencyCode());
		}
		if (price.minor() >= purchase.minor()) {
			throw new CatalogException("rental.notCheaper", purchase.toDecimalString(),
					purchase.currency().getCurrencyCode());
		}
		return new RentalOffer(price.minor(), hours);
	}

	/** Whether a new purchase price leaves this rental cheaper than buying. */
	boolean cheaperThan(long purchaseMinor) {
		return priceMinor < purchaseMinor;
	}

	RentalTerms terms(Currency currency) {
		return new RentalTerms(new Money(priceMinor, currency), hours);
	}
}
