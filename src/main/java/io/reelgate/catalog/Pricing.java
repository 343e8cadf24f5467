package io.reelgate.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.reelgate.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's gate and what it costs: free, an email address, a fixed price (with an optional cheaper rental) or pay
 * what you want (a minimum and a suggestion), in a main currency and optionally in others. It guards that the
 * amounts agree with the gate and with each other; ranges are {@link PriceRules}' to check.
 */
@Embeddable
class Pricing {

	@Enumerated(EnumType.STRING)
	@Column(name = "gate")
	private Gate gate;

	/** The fixed price, or for pay what you want the minimum. */
	@Column(name = "price_minor")
	private @Nullable Long priceMinor;

	@Column(name = "price_currency")
	private @Nullable Currency priceCurrency;

	/** For pay what you want, the amount the page proposes. */
	@Column(name = "suggested_minor")
	private @Nullable Long suggestedMinor;

	/** Only beside a fixed price; null when there is none. */
	@Embedded
	private @Nullable RentalOffer rental;

	/**
	 * Prices in currencies besides the main one, for the same gate: fixed prices (each with its own rental price, for
	 * the same window) or pay-what-you-want minimums and suggestions.
	 */
	@ElementCollection
	@CollectionTable(name = "bundle_prices", joinColumns = @JoinColumn(name = "bundle_id"))
	private List<CurrencyPrice> otherPrices = new ArrayList<>();

	protected Pricing() {
		this.gate = Gate.FREE;
	}

	static Pricing free() {
		return new Pricing();
	}

	Gate gate() {
		return gate;
	}

	void makeFree() {
		otherPrices.clear();
		this.gate = Gate.FREE;
		this.priceMinor = null;
		this.priceCurrency = null;
		this.suggestedMinor = null;
		withdrawRental();
	}

	void requireEmail() {
		makeFree();
		this.gate = Gate.EMAIL;
	}

	void charge(Money price) {
		if (price.isZero()) {
			throw new CatalogException("gate.price.zero");
		}
		keepOtherPricesOnlyFor(Gate.PAID, price.currency());
		this.gate = Gate.PAID;
		this.priceMinor = price.minor();
		this.priceCurrency = price.currency();
		this.suggestedMinor = null;
		if (rental != null && !rental.cheaperThan(price.minor())) {
			withdrawRental();
		}
	}

	/** Lets viewers choose what they pay, at least {@code minimum} (which may be zero); the page proposes {@code suggested}. */
	void payWhatYouWant(Money minimum, Money suggested) {
		if (!minimum.currency().equals(suggested.currency())) {
			throw new IllegalArgumentException("Minimum and suggested price in different currencies");
		}
		if (suggested.minor() < minimum.minor()) {
			throw new CatalogException("gate.pwyw.suggestedBelowMinimum");
		}
		keepOtherPricesOnlyFor(Gate.PWYW, minimum.currency());
		this.gate = Gate.PWYW;
		this.priceMinor = minimum.minor();
		this.priceCurrency = minimum.currency();
		this.suggestedMinor = suggested.minor();
		withdrawRental();
	}

	/**
	 * Offers a rental beside the fixed price: cheaper than buying, in the same currency.
	 * @throws CatalogException if there is no fixed price or the rental would not cost less
	 */
	void offerRental(Money price, int hours) {
		Money purchase = price().orElse(null);
		if (gate != Gate.PAID || purchase == null) {
			throw new CatalogException("rental.paidOnly");
		}
		this.rental = RentalOffer.beside(purchase, price, hours);
	}

	void withdrawRental() {
		this.rental = null;
		if (otherPrices.stream().anyMatch(p -> p.rentalMinor() != null)) {
			otherPrices.replaceAll(CurrencyPrice::withoutRental);
		}
	}

	/**
	 * A new main price keeps the other currencies' prices only if they mean the same (a fixed price stays a fixed
	 * price), and none in the new main currency, which the main price now states.
	 */
	private void keepOtherPricesOnlyFor(Gate newGate, Currency newMainCurrency) {
		if (gate != newGate) {
			otherPrices.clear();
		}
		else {
			otherPrices.removeIf(p -> p.currency().equals(newMainCurrency));
		}
	}

	/**
	 * Sets the price in a currency besides the main one, for the current gate: a fixed price (above zero) with an
	 * optional rental price below it, which needs a rental offer in the main currency (whose window it shares); or a
	 * pay-what-you-want minimum (zero allowed) with the suggested amount.
	 * @throws CatalogException if not priced, the currency is the main one, or the amounts disagree
	 */
	void priceIn(Money amount, @Nullable Money suggested, @Nullable Money rentalPrice) {
		Currency currency = amount.currency();
		if ((gate != Gate.PAID && gate != Gate.PWYW) || priceCurrency == null) {
			throw new CatalogException("prices.pricedOnly");
		}
		if (currency.equals(priceCurrency)) {
			throw new CatalogException("prices.mainCurrency", currency.getCurrencyCode());
		}
		CurrencyPrice entry = gate == Gate.PAID ? fixedPriceIn(amount, rentalPrice) : pwywPriceIn(amount, suggested);
		dropPriceIn(currency);
		otherPrices.add(entry);
	}

	private CurrencyPrice fixedPriceIn(Money amount, @Nullable Money rentalPrice) {
		if (amount.isZero()) {
			throw new CatalogException("gate.price.zero");
		}
		if (rentalPrice != null && rental == null) {
			throw new CatalogException("prices.rental.noMainRental");
		}
		if (rentalPrice != null && rentalPrice.minor() >= amount.minor()) {
			throw new CatalogException("rental.notCheaper", amount.toDecimalString(),
					amount.currency().getCurrencyCode());
		}
		return new CurrencyPrice(amount.currency(), amount.minor(), null,
				rentalPrice == null ? null : rentalPrice.minor());
	}

	private static CurrencyPrice pwywPriceIn(Money minimum, @Nullable Money suggested) {
		if (suggested == null) {
			throw new CatalogException("prices.suggested.required");
		}
		if (suggested.minor() < minimum.minor()) {
			throw new CatalogException("gate.pwyw.suggestedBelowMinimum");
		}
		return new CurrencyPrice(minimum.currency(), minimum.minor(), suggested.minor(), null);
	}

	void dropPriceIn(Currency currency) {
		otherPrices.removeIf(p -> p.currency().equals(currency));
	}

	/** The prices besides the main one, by currency code, for the editor. */
	List<OtherPrice> otherPrices() {
		return otherPrices.stream()
			.sorted(Comparator.comparing(p -> p.currency().getCurrencyCode()))
			.map(p -> new OtherPrice(p.amount(), p.suggested().orElse(null), p.rental().orElse(null)))
			.toList();
	}

	/** The currencies a viewer may pay in: the main one first, then the others by code; none when not priced. */
	List<Currency> currencies() {
		if (priceCurrency == null) {
			return List.of();
		}
		List<Currency> all = new ArrayList<>();
		all.add(priceCurrency);
		otherPrices().forEach(p -> all.add(p.amount().currency()));
		return List.copyOf(all);
	}

	/** Whether {@code currency} needs no other price: it is the main one, or nothing is priced. */
	boolean sellsAsSetIn(Currency currency) {
		return priceCurrency == null || currency.equals(priceCurrency);
	}

	Optional<CurrencyPrice> otherPrice(Currency currency) {
		return otherPrices.stream().filter(p -> p.currency().equals(currency)).findFirst();
	}

	/** The fixed price, or for pay what you want the minimum; empty when free. */
	Optional<Money> price() {
		return priceMinor == null || priceCurrency == null ? Optional.empty()
				: Optional.of(new Money(priceMinor, priceCurrency));
	}

	Optional<Money> suggestedPrice() {
		return suggestedMinor == null || priceCurrency == null ? Optional.empty()
				: Optional.of(new Money(suggestedMinor, priceCurrency));
	}

	/** The rental offer as set by the creator, whether or not the bundle has anything to stream. */
	Optional<RentalTerms> rentalTerms() {
		return rental == null || priceCurrency == null ? Optional.empty()
				: Optional.of(rental.terms(priceCurrency));
	}

	/**
	 * The rental offer in a currency: the main rental, or the rental price the creator set in that other currency
	 * (for the same window); empty where there is none.
	 */
	Optional<RentalTerms> rentalTermsIn(Currency currency) {
		if (currency.equals(priceCurrency)) {
			return rentalTerms();
		}
		RentalOffer main = rental;
		return main == null ? Optional.empty()
				: otherPrice(currency).flatMap(CurrencyPrice::rental).map(p -> new RentalTerms(p, main.hours()));
	}
}
