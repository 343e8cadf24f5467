package io.reelgate.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.RentalTerms;
import io.reelgate.checkout.CheckoutService.Gift;
import io.reelgate.checkout.CheckoutService.Terms;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders {@link CheckoutService} opens, each in a transaction of its own (the gateway is called after it
 * commits): a buyer's open order reused or replaced, a discount code's use reserved, and orders with nothing to
 * charge acquired at once.
 */
@Component
class OpenOrders {

	/** An open order older than this is replaced rather than paid, so its checkout never outlives it. */
	static final Duration REUSE_WINDOW = Duration.ofHours(1);

	private final Orders orders;

	private final PlatformFee fees;

	private final PaymentGateway gateway;

	private final DiscountService discounts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OpenOrders(Orders orders, PlatformFee fees, PaymentGateway gateway, DiscountService discounts,
			TransactionTemplate transactions, Clock clock) {
		this.orders = orders;
		this.fees = fees;
		this.gateway = gateway;
		this.discounts = discounts;
		this.transactions = transactions;
		this.clock = clock;
	}

	void claimFree(AccountId buyer, BundleSummary bundle) {
		transactions.executeWithoutResult(status -> {
			Order order = new Order(buyer, bundle.id(), bundle.creatorId(), Charge.NONE, 0, null, "free",
					clock.instant());
			order.markPaid("free:" + order.id(), clock.instant());
			orders.save(order);
		});
	}

	/**
	 * Opens the order at the server's price: the rental price for a rental, the chosen amount for pay what you want,
	 * else the bundle's price less the discount code, if any, whose use the new order reserves (under the code's row
	 * lock, see {@link DiscountService}). Reuses the buyer's recent open order of the same kind and recipient if it
	 * was priced the same, else replaces it. An order with nothing to charge (zero chosen, 100% off) is acquired at
	 * once, without the payment gateway.
	 */
	Order open(AccountId buyer, BundleSummary bundle, @Nullable String destination,
			Optional<Money> chosen, Terms terms, @Nullable RentalTerms rental, @Nullable Gift gift) {
		Instant now = clock.instant();
		OrderKind kind = rental == null ? OrderKind.PURCHASE : OrderKind.RENTAL;
		try {
			return transactions.execute(status -> {
				Quote quote = rental != null ? Quote.undiscounted(rental.price())
						: terms.hasCode() ? withCode(discounts.reserve(buyer, bundle, terms.discountCode()), chosen)
								: Quote.undiscounted(chosen.orElse(bundle.price()));
				Optional<Order> open = openOrder(buyer, bundle, gift);
				if (open.isPresent() && open.get().kind() == kind && open.get().quote().equals(Optional.of(quote))
						&& open.get().createdAt().isAfter(now.minus(REUSE_WINDOW))) {
					return open.get();
				}
				open.ifPresent(o -> {
					o.expire(now);
					orders.saveAndFlush(o);
				});
				return orders.saveAndFlush(newOrder(buyer, bundle, destination, quote, rental, gift, now));
			});
		}
		catch (DataIntegrityViolationException ex) {
			// A concurrent click opened the order first; use that one.
			return transactions.execute(status -> openOrder(buyer, bundle, gift).orElseThrow(() -> ex));
		}
	}

	/** A new order for the quote; with nothing to charge it is paid at once, without the payment gateway. */
	private Order newOrder(AccountId buyer, BundleSummary bundle, @Nullable String destination, Quote quote,
			@Nullable RentalTerms rental, @Nullable Gift gift, Instant now) {
		if (quote.charged().isZero()) {
			Order order = new Order(buyer, bundle.id(), bundle.creatorId(), Charge.purchase(quote), 0, null, "free",
					now);
			asGift(order, gift);
			order.markPaid("free:" + order.id(), now);
			return order;
		}
		if (rental != null) {
			return new Order(buyer, bundle.id(), bundle.creatorId(), Charge.rental(quote, rental.hours()),
					fees.of(quote.charged()).minor(), destination, gateway.name(), now);
		}
		Order order = new Order(buyer, bundle.id(), bundle.creatorId(), Charge.purchase(quote),
				fees.of(quote.charged()).minor(), destination, gateway.name(), now);
		asGift(order, gift);
		return order;
	}

	/** The buyer's open order for the bundle, for themselves or as a gift to the same address. */
	private Optional<Order> openOrder(AccountId buyer, BundleSummary bundle, @Nullable Gift gift) {
		return gift == null
				? orders.findByBuyerIdAndBundleIdAndStatusAndGiftEmailIsNull(buyer.value(), bundle.id().value(),
						OrderStatus.PENDING)
				: orders.findByBuyerIdAndBundleIdAndStatusAndGiftEmail(buyer.value(), bundle.id().value(),
						OrderStatus.PENDING, gift.email());
	}

	/**
	 * A reserved code's quote; for pay what you want, the buyer's amount (checked against the lowered minimum before,
	 * and again here under the code's lock) with the code recorded, since it is what let them pay that little.
	 */
	private static Quote withCode(Quote reserved, Optional<Money> chosen) {
		if (chosen.isEmpty()) {
			return reserved;
		}
		Money amount = chosen.get();
		if (amount.minor() < reserved.charged().minor()) {
			throw new CheckoutRefusedException("checkout.amount.belowMinimum", reserved.charged().toDecimalString(),
					amount.currency().getCurrencyCode());
		}
		return new Quote(amount, amount, reserved.discountCodeId(), reserved.discountCode());
	}

	private static void asGift(Order order, @Nullable Gift gift) {
		if (gift != null) {
			order.giftTo(gift.email(), gift.message());
		}
	}
}
