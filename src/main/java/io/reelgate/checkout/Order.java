package io.reelgate.checkout;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One buyer acquiring one bundle at a price fixed when the order was made. The price and the platform fee are
 * copied from the server's own rules at creation and never change afterwards, whatever happens to the bundle.
 * Every move of the state machine is a method that refuses illegal moves, is idempotent where gateways retry, and
 * registers the event the rest of the system reacts to.
 */
@Entity
@Table(name = "orders")
class Order extends AbstractAggregateRoot<Order> {

	@Id
	private UUID id;

	private UUID buyerId;

	private UUID bundleId;

	private UUID sellerId;

	private long amountMinor;

	private @Nullable Currency currency;

	/** The platform's share, of the net (gross less tax) once paid. */
	private long feeMinor;

	/** The tax in the gross, as the payment provider computed it; 0 until paid, and when none was due. */
	private long taxMinor;

	/** What the buyer paid, tax included; null until paid with a provider's settlement (then it is the amount). */
	private @Nullable Long grossMinor;

	private @Nullable String taxCountry;

	/** The price before any discount; for pay what you want, the amount chosen. Null for a free bundle. */
	private @Nullable Long listPriceMinor;

	private @Nullable UUID discountCodeId;

	/** The code as the buyer entered it (upper-case), kept with the order for its records. */
	private @Nullable String discountCode;

	private @Nullable String destinationAccount;

	/** For a gift, the recipient's address; null when the buyer buys for themselves. */
	private @Nullable String giftEmail;

	private @Nullable String giftMessage;

	@Enumerated(EnumType.STRING)
	private OrderKind kind = OrderKind.PURCHASE;

	/** For a rental, the streaming window in hours from the first play, copied from the offer. */
	private @Nullable Integer rentalHours;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String gateway;

	private @Nullable String paymentRef;

	private @Nullable String checkoutSessionId;

	private Instant createdAt;

	private @Nullable Instant paidAt;

	private @Nullable Instant closedAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected Order() {
	}

	/**
	 * @param quote what the order costs (list price, discount, amount charged), or empty for a free bundle
	 * @param fee the platform's share of the amount charged (zero when nothing is charged)
	 * @param destinationAccount the seller's payment account the net goes to, if the gateway pays sellers out
	 */
	Order(AccountId buyer, BundleId bundle, AccountId seller, Optional<Quote> quote, long fee,
			@Nullable String destinationAccount, String gateway, Instant now) {
		this.id = UUID.randomUUID();
		this.buyerId = buyer.value();
		this.bundleId = bundle.value();
		this.sellerId = seller.value();
		this.amountMinor = quote.map(q -> q.charged().minor()).orElse(0L);
		this.currency = quote.map(q -> q.charged().currency()).orElse(null);
		this.listPriceMinor = quote.map(q -> q.listPrice().minor()).orElse(null);
		this.discountCodeId = quote.map(Quote::discountCodeId).orElse(null);
		this.discountCode = quote.map(Quote::discountCode).orElse(null);
		if (fee < 0 || fee > amountMinor) {
			throw new IllegalArgumentException("Fee " + fee + " outside 0.." + amountMinor);
		}
		this.feeMinor = fee;
		this.destinationAccount = destinationAccount;
		this.status = OrderStatus.PENDING;
		this.gateway = gateway;
		this.createdAt = now;
	}

	/** A rental of the bundle at {@code quote}'s price, streaming for {@code hours} from the first play. */
	static Order rental(AccountId buyer, BundleId bundle, AccountId seller, Quote quote, long fee,
			@Nullable String destinationAccount, String gateway, int hours, Instant now) {
		if (quote.discountCode() != null) {
			throw new IllegalArgumentException("Rentals take no discount code");
		}
		Order order = new Order(buyer, bundle, seller, Optional.of(quote), fee, destinationAccount, gateway, now);
		order.kind = OrderKind.RENTAL;
		order.rentalHours = hours;
		return order;
	}

	OrderKind kind() {
		return kind;
	}

	OrderId id() {
		return new OrderId(id);
	}

	AccountId buyer() {
		return new AccountId(buyerId);
	}

	BundleId bundle() {
		return new BundleId(bundleId);
	}

	AccountId seller() {
		return new AccountId(sellerId);
	}

	OrderStatus status() {
		return status;
	}

	Instant createdAt() {
		return createdAt;
	}

	long fee() {
		return feeMinor;
	}

	Optional<String> destinationAccount() {
		return Optional.ofNullable(destinationAccount);
	}

	Optional<String> checkoutSessionId() {
		return Optional.ofNullable(checkoutSessionId);
	}

	/** The gateway's id of the payment (for Stripe, the PaymentIntent), once known. */
	Optional<String> paymentRef() {
		return Optional.ofNullable(paymentRef);
	}

	String gateway() {
		return gateway;
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

	/**
	 * Makes this new order a gift to {@code email}: once paid it publishes {@link GiftPurchased} instead of
	 * {@link OrderPaid}, so the buyer is not granted the bundle.
	 */
	void giftTo(String email, @Nullable String message) {
		if (status != OrderStatus.PENDING || paymentRef != null) {
			throw new IllegalStateException("Order " + id + " is no longer open");
		}
		this.giftEmail = email;
		this.giftMessage = message;
	}

	boolean isGift() {
		return giftEmail != null;
	}

	boolean isFor(AccountId buyer) {
		return buyerId.equals(buyer.value());
	}

	boolean isSoldBy(AccountId seller) {
		return sellerId.equals(seller.value());
	}

	/** Remembers the gateway's checkout for this order, so its webhooks and the return page can find it. */
	void attachCheckoutSession(String sessionId) {
		if (checkoutSessionId != null && !checkoutSessionId.equals(sessionId)) {
			throw new IllegalStateException("Order " + id + " already has checkout session " + checkoutSessionId);
		}
		this.checkoutSessionId = sessionId;
	}

	/**
	 * Records a confirmed payment. Confirming the same payment again is a no-op (gateways and people retry), so
	 * {@link OrderPaid} is registered exactly once per order.
	 * @return whether this call changed the order
	 * @throws OrderClosedException if the order was closed (cancelled, expired, refunded) before the payment came
	 */
	boolean markPaid(String paymentRef, Instant now) {
		return markPaid(paymentRef, null, feeMinor, now);
	}

	/**
	 * Like {@link #markPaid(String, Instant)}, recording what the provider says the buyer paid: the gross, the tax in
	 * it and the platform fee on the net. Only the first confirmation records them; a repeat changes nothing.
	 * @param fee the platform's share of {@code settlement}'s net
	 */
	boolean markPaid(String paymentRef, @Nullable Settlement settlement, long fee, Instant now) {
		if (status == OrderStatus.PAID || status == OrderStatus.DISPUTED) {
			if (!paymentRef.equals(this.paymentRef)) {
				throw new IllegalStateException("Order " + id + " was already paid by " + this.paymentRef);
			}
			return false;
		}
		if (status != OrderStatus.PENDING) {
			throw new OrderClosedException();
		}
		if (settlement != null) {
			settle(settlement, fee);
		}
		this.status = OrderStatus.PAID;
		this.paymentRef = paymentRef;
		this.paidAt = now;
		registerEvent(giftEmail != null ? new GiftPurchased(id(), buyer(), bundle(), giftEmail, giftMessage)
				: new OrderPaid(id(), buyer(), bundle()));
		return true;
	}

	private void settle(Settlement settlement, long fee) {
		if (currency == null || !settlement.gross().currency().equals(currency)) {
			throw new IllegalArgumentException("Order " + id + " is not payable in " + settlement.gross().currency());
		}
		if (fee < 0 || fee > settlement.net().minor()) {
			throw new IllegalArgumentException("Fee " + fee + " outside 0.." + settlement.net().minor());
		}
		this.grossMinor = settlement.gross().minor();
		this.taxMinor = settlement.tax().minor();
		this.taxCountry = settlement.taxCountry();
		this.feeMinor = fee;
	}

	/** What the buyer paid, tax included; empty for a free bundle's claim. */
	Optional<Money> gross() {
		return currency == null ? Optional.empty()
				: Optional.of(new Money(grossMinor == null ? amountMinor : grossMinor, currency));
	}

	/** The tax in {@link #gross()}; empty for a free bundle's claim. */
	Optional<Money> tax() {
		return currency == null ? Optional.empty() : Optional.of(new Money(taxMinor, currency));
	}

	/** Buyer gave up before paying. Closing a closed order changes nothing. */
	void cancel(Instant now) {
		close(OrderStatus.CANCELLED, now);
	}

	/** The checkout expired or its payment failed. */
	void expire(Instant now) {
		close(OrderStatus.EXPIRED, now);
	}

	/**
	 * The money went back to the buyer, in full. From PAID this revokes the buyer's access (a dispute revoked it
	 * already); from PENDING (the refund was seen before the payment) the order closes without granting anything.
	 * @return the previous status, if this call changed the order
	 */
	Optional<OrderStatus> refund(@Nullable String paymentRef, Instant now) {
		return refund(paymentRef, now, OrderRevoked.Reason.REFUNDED);
	}

	/** Like {@link #refund(String, Instant)}, telling the buyer why their access ended. */
	Optional<OrderStatus> refund(@Nullable String paymentRef, Instant now, OrderRevoked.Reason why) {
		if (status == OrderStatus.REFUNDED || status == OrderStatus.CANCELLED || status == OrderStatus.EXPIRED) {
			return Optional.empty();
		}
		OrderStatus previous = status;
		if (this.paymentRef == null) {
			this.paymentRef = paymentRef;
		}
		this.status = OrderStatus.REFUNDED;
		this.closedAt = now;
		if (previous == OrderStatus.PAID) {
			registerEvent(revoked(why));
		}
		return Optional.of(previous);
	}

	/**
	 * A payment arrived after the order had closed unpaid (cancelled, say in another tab, or expired) and went back to
	 * the buyer: the order records it as refunded. Nothing was granted, so nothing is revoked.
	 * @return whether this call changed the order (false unless it was cancelled or expired)
	 */
	boolean refundLatePayment(String paymentRef, Instant now) {
		if (!status.closedUnpaid()) {
			return false;
		}
		this.status = OrderStatus.REFUNDED;
		this.paymentRef = paymentRef;
		this.closedAt = now;
		return true;
	}

	/** The buyer's bank contests the payment; access is suspended until the dispute is decided. */
	boolean dispute() {
		if (status != OrderStatus.PAID) {
			return false;
		}
		this.status = OrderStatus.DISPUTED;
		registerEvent(revoked(OrderRevoked.Reason.DISPUTED));
		return true;
	}

	/** The seller won the dispute: the payment stands and the buyer has the bundle again. */
	boolean winDispute() {
		if (status != OrderStatus.DISPUTED) {
			return false;
		}
		this.status = OrderStatus.PAID;
		registerEvent(isGift() ? new GiftReinstated(id(), buyer(), bundle()) : new OrderReinstated(id(), buyer(), bundle()));
		return true;
	}

	private Object revoked(OrderRevoked.Reason why) {
		return isGift() ? new GiftRevoked(id(), buyer(), bundle(), why) : new OrderRevoked(id(), buyer(), bundle(), why);
	}

	private void close(OrderStatus closed, Instant now) {
		if (status == OrderStatus.PENDING) {
			this.status = closed;
			this.closedAt = now;
		}
	}

	OrderView view() {
		return new OrderView(id(), buyer(), bundle(), seller(), amount().orElse(null),
				listPriceMinor == null || currency == null ? null : new Money(listPriceMinor, currency), discountCode,
				feeMinor, status, createdAt,
				paidAt, kind, rentalHours, tax().orElse(null), gross().orElse(null), taxCountry);
	}
}
