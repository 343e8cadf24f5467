package io.reelgate.checkout;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

	@Embedded
	private Charge charge;

	@Embedded
	private Proceeds proceeds;

	/** Null (all its columns are) when the buyer buys for themselves. */
	@Embedded
	private @Nullable Recipient gift;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Embedded
	private Payment payment;

	private Instant createdAt;

	private @Nullable Instant closedAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected Order() {
	}

	/**
	 * @param charge what the order charges for (a purchase, a rental) and how much; {@link Charge#NONE} when free
	 * @param fee the platform's share of the amount charged (zero when nothing is charged)
	 * @param destinationAccount the seller's payment account the net goes to, if the gateway pays sellers out
	 */
	Order(AccountId buyer, BundleId bundle, AccountId seller, Charge charge, long fee,
			@Nullable String destinationAccount, String gateway, Instant now) {
		this.id = UUID.randomUUID();
		this.buyerId = buyer.value();
		this.bundleId = bundle.value();
		this.sellerId = seller.value();
		this.charge = charge;
		this.proceeds = Proceeds.of(fee, charge.amountMinor(), destinationAccount);
		this.status = OrderStatus.PENDING;
		this.payment = Payment.at(gateway);
		this.createdAt = now;
	}

	OrderKind kind() {
		return charge.kind();
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
		return proceeds.feeMinor();
	}

	Optional<String> checkoutSessionId() {
		return Optional.ofNullable(payment.checkoutSessionId());
	}

	/** The gateway's id of the payment (for Stripe, the PaymentIntent), once known. */
	Optional<String> paymentRef() {
		return Optional.ofNullable(payment.ref());
	}

	String gateway() {
		return payment.gateway();
	}

	/** The amount charged; empty for a free bundle's claim. */
	Optional<Money> amount() {
		return charge.amount();
	}

	/** How the order was priced; empty for a free bundle's claim. */
	Optional<Quote> quote() {
		return charge.quote();
	}

	/**
	 * Makes this new order a gift to {@code email}: once paid it publishes {@link GiftPurchased} instead of
	 * {@link OrderPaid}, so the buyer is not granted the bundle.
	 */
	void giftTo(String email, @Nullable String message) {
		if (status != OrderStatus.PENDING || payment.ref() != null) {
			throw new IllegalStateException("Order " + id + " is no longer open");
		}
		this.gift = new Recipient(email, message);
	}

	boolean isGift() {
		return recipient().isGift();
	}

	private Recipient recipient() {
		return gift == null ? Recipient.BUYER : gift;
	}

	boolean isFor(AccountId buyer) {
		return buyerId.equals(buyer.value());
	}

	boolean isSoldBy(AccountId seller) {
		return sellerId.equals(seller.value());
	}

	/** Remembers the gateway's checkout for this order, so its webhooks and the return page can find it. */
	void attachCheckoutSession(String sessionId) {
		this.payment = payment.withCheckoutSession(sessionId, id);
	}

	/**
	 * Records a confirmed payment. Confirming the same payment again is a no-op (gateways and people retry), so
	 * {@link OrderPaid} is registered exactly once per order.
	 * @return whether this call changed the order
	 * @throws OrderClosedException if the order was closed (cancelled, expired, refunded) before the payment came
	 */
	boolean markPaid(String paymentRef, Instant now) {
		return markPaid(paymentRef, null, proceeds.feeMinor(), now);
	}

	/**
	 * Like {@link #markPaid(String, Instant)}, recording what the provider says the buyer paid: the gross, the tax in
	 * it and the platform fee on the net. Only the first confirmation records them; a repeat changes nothing.
	 * @param fee the platform's share of {@code settlement}'s net
	 */
	boolean markPaid(String paymentRef, @Nullable Settlement settlement, long fee, Instant now) {
		if (status == OrderStatus.PAID || status == OrderStatus.DISPUTED) {
			payment.assertPaidBy(paymentRef, id);
			return false;
		}
		if (status != OrderStatus.PENDING) {
			throw new OrderClosedException();
		}
		if (settlement != null) {
			charge.assertPayableIn(settlement.gross().currency(), id);
			this.proceeds = proceeds.settled(settlement, fee);
		}
		this.status = OrderStatus.PAID;
		this.payment = payment.paid(paymentRef, now);
		registerEvent(recipient().paid(id(), buyer(), bundle()));
		return true;
	}

	/** What the buyer paid, tax included; empty for a free bundle's claim. */
	Optional<Money> gross() {
		return charge.amount().map(proceeds::gross);
	}

	/** The tax in {@link #gross()}; empty for a free bundle's claim. */
	Optional<Money> tax() {
		return charge.amount().map(amount -> proceeds.tax(amount.currency()));
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
		this.payment = payment.refunded(paymentRef);
		this.status = OrderStatus.REFUNDED;
		this.closedAt = now;
		if (previous == OrderStatus.PAID) {
			registerEvent(recipient().revoked(id(), buyer(), bundle(), why));
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
		this.payment = payment.refundedLate(paymentRef);
		this.closedAt = now;
		return true;
	}

	/** The buyer's bank contests the payment; access is suspended until the dispute is decided. */
	boolean dispute() {
		if (status != OrderStatus.PAID) {
			return false;
		}
		this.status = OrderStatus.DISPUTED;
		registerEvent(recipient().revoked(id(), buyer(), bundle(), OrderRevoked.Reason.DISPUTED));
		return true;
	}

	/** The seller won the dispute: the payment stands and the buyer has the bundle again. */
	boolean winDispute() {
		if (status != OrderStatus.DISPUTED) {
			return false;
		}
		this.status = OrderStatus.PAID;
		registerEvent(recipient().reinstated(id(), buyer(), bundle()));
		return true;
	}

	private void close(OrderStatus closed, Instant now) {
		if (status == OrderStatus.PENDING) {
			this.status = closed;
			this.closedAt = now;
		}
	}

	OrderView view() {
		return new OrderView(id(), buyer(), bundle(), seller(), amount().orElse(null), charge.listPrice(),
				charge.discountCode(), proceeds.feeMinor(), status, createdAt, payment.paidAt(), kind(),
				charge.rentalHours(),
				tax().orElse(null), gross().orElse(null), proceeds.taxCountry());
	}
}
