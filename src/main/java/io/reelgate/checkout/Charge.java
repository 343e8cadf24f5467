package io.reelgate.checkout;

import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * What an order charges the buyer for and how much, fixed when the order is made: a purchase, or a rental streaming
 * for {@code rentalHours} from the first play (copied from the offer); the amount in its currency (none for a free
 * bundle's claim), the list price before any discount (for pay what you want, the amount chosen) and the discount
 * code that applied, as the buyer entered it (upper-case).
 */
@Embeddable
record Charge(@Enumerated(EnumType.STRING) @Column(name = "kind") OrderKind kind,
		@Column(name = "rental_hours") @Nullable Integer rentalHours,
		@Column(name = "amount_minor") long amountMinor, @Column(name = "currency") @Nullable Currency currency,
		@Column(name = "list_price_minor") @Nullable Long listPriceMinor,
		@Column(name = "discount_code_id") @Nullable UUID discountCodeId,
		@Column(name = "discount_code") @Nullable String discountCode) {

	/** A free bundle's claim: nothing charged, in no currency. */
	static final Charge NONE = new Charge(OrderKind.PURCHASE, null, 0, null, null, null, null);

	/** A purchase at {@code quote}'s price. */
	static Charge purchase(Quote quote) {
		return of(OrderKind.PURCHASE, null, quote);
	}

	/** A rental at {@code quote}'s price, streaming for {@code hours} from the first play. */
	static Charge rental(Quote quote, int hours) {
		if (quote.discountCode() != null) {
			throw new IllegalArgumentException("Rentals take no discount code");
		}
		return of(OrderKind.RENTAL, hours, quote);
	}

	private static Charge of(OrderKind kind, @Nullable Integer hours, Quote quote) {
		return new Charge(kind, hours, quote.charged().minor(), quote.charged().currency(), quote.listPrice().minor(),
				quote.discountCodeId(), quote.discountCode());
	}

	/** The amount charged; empty for a free bundle's claim. */
	Optional<Money> amount() {
		return currency == null ? Optional.empty() : Optional.of(new Money(amountMinor, currency));
	}

	/** How the order was priced; empty for a free bundle's claim. */
	Optional<Quote> quote() {
		if (currency == null || listPriceMinor == null) {
			return Optional.empty();
		}
		return Optional.of(new Quote(new Money(listPriceMinor, currency), new Money(amountMinor, currency),
				discountCodeId, discountCode));
	}

	@Nullable Money listPrice() {
		return listPriceMinor == null || currency == null ? null : new Money(listPriceMinor, currency);
	}

	/**
	 * A payment settles this charge only in its own currency, and a free claim never.
	 * @throws IllegalArgumentException if {@code order} cannot be paid in {@code paid}
	 */
	void assertPayableIn(Currency paid, UUID order) {
		if (currency == null || !paid.equals(currency)) {
			throw new IllegalArgumentException("Order " + order + " is not payable in " + paid);
		}
	}
}
