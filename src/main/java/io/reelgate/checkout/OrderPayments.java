package io.reelgate.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single place where what a payment gateway reports changes an order: payment confirmed, checkout expired,
 * refund, dispute opened or won. Each call locks the order, applies one state transition (idempotent, so gateway
 * retries and duplicate events are harmless) and books the money moved in the ledger in the same transaction.
 * Callers have verified the report (a signed webhook, a re-fetched object, a buyer's own simulated payment).
 */
@Service
@Transactional
public class OrderPayments {

	private final Orders orders;

	private final Ledger ledger;

	private final Clock clock;

	private final MeterRegistry meters;

	private final PlatformFee fees;

	private final Payouts payouts;

	private final RevenueShares shares;

	OrderPayments(Orders orders, Ledger ledger, Clock clock, MeterRegistry meters, PlatformFee fees,
			Payouts payouts, RevenueShares shares) {
		this.shares = shares;
		this.orders = orders;
		this.ledger = ledger;
		this.clock = clock;
		this.meters = meters;
		this.fees = fees;
		this.payouts = payouts;
	}

	/**
	 * @return whether this confirmation paid the order (false if it was paid already)
	 * @throws OrderClosedException if the order was closed before the payment arrived; nothing was changed, so the
	 * caller's transaction stays good to commit (a webhook still records the event)
	 */
	@Transactional(noRollbackFor = OrderClosedException.class)
	public boolean confirmPayment(OrderId orderId, String paymentRef) {
		Order order = locked(orderId);
		boolean changed = order.markPaid(paymentRef, clock.instant());
		if (changed) {
			ledger.bookSale(order, clock.instant());
		}
		return paid(order, changed);
	}

	/**
	 * Like {@link #confirmPayment(OrderId, String)}, with what the provider says was paid: the order records the
	 * gross and the tax, the platform fee is computed on the net, and each party's share of what the fee leaves (the creator's and their collaborators', {@link RevenueShares}) is owed to
	 * them: a gateway that pays sellers out transfers it once this has committed.
	 */
	@Transactional(noRollbackFor = OrderClosedException.class)
	public boolean confirmPayment(OrderId orderId, String paymentRef, Settlement settlement) {
		Order order = locked(orderId);
		PlatformFee.Division division = fees.divide(settlement.net(), shares.parties(order.bundle(), order.seller()));
		boolean changed = order.markPaid(paymentRef, settlement, division.fee().minor(), clock.instant());
		if (changed) {
			division.shares().forEach((party, share) -> payouts.owe(order, party, share, settlement.chargeRef(),
					clock.instant()));
			ledger.bookSale(order, division.shares(), clock.instant());
		}
		return paid(order, changed);
	}

	private boolean paid(Order order, boolean changed) {
		if (changed) {
			count(order, "paid");
		}
		orders.save(order);
		return changed;
	}

	public void expire(OrderId orderId) {
		locked(orderId).expire(clock.instant());
	}

	/** A full refund; books the sale too if the refund is the first we hear of the payment. */
	public void refunded(OrderId orderId, @Nullable String paymentRef) {
		refunded(orderId, paymentRef, OrderRevoked.Reason.REFUNDED);
	}

	/** A full refund because moderation removed the bundle; the buyer is told so. */
	void refundedForRemoval(OrderId orderId, String paymentRef) {
		refunded(orderId, paymentRef, OrderRevoked.Reason.REMOVED);
	}

	private void refunded(OrderId orderId, @Nullable String paymentRef, OrderRevoked.Reason why) {
		Order order = locked(orderId);
		Optional<OrderStatus> previous = order.refund(paymentRef, clock.instant(), why);
		previous.ifPresent(status -> {
			count(order, "refunded");
			if (status == OrderStatus.PENDING) {
				ledger.bookSale(order, clock.instant());
			}
			// A dispute has taken the money back already; the refund of a disputed order moves nothing more.
			if (status != OrderStatus.DISPUTED) {
				ledger.bookRefund(order, clock.instant());
			}
		});
		orders.save(order);
	}

	/**
	 * Records that a payment which arrived after the order closed unpaid was refunded: the sale and its refund are
	 * booked, so the ledger shows the money in and out.
	 */
	public void refundedLatePayment(OrderId orderId, String paymentRef) {
		Order order = locked(orderId);
		if (order.refundLatePayment(paymentRef, clock.instant())) {
			count(order, "refunded");
			ledger.bookSale(order, clock.instant());
			ledger.bookRefund(order, clock.instant());
		}
		orders.save(order);
	}

	/** A dispute of the whole payment. */
	public void disputed(OrderId orderId) {
		disputed(orderId, null);
	}

	/**
	 * A dispute over {@code amount} of the payment (all of it when null): access is suspended and the ledger books
	 * that part of each party's line going out; should the dispute be lost, each party's transfer is reversed by as
	 * much ({@link Payouts#recallDisputed}).
	 */
	public void disputed(OrderId orderId, @Nullable Money amount) {
		Order order = locked(orderId);
		if (order.dispute()) {
			ledger.bookDispute(order, amount, clock.instant());
			count(order, "disputed");
		}
		orders.save(order);
	}

	public void disputeWon(OrderId orderId) {
		Order order = locked(orderId);
		if (order.winDispute()) {
			ledger.bookDisputeWon(order, clock.instant());
			count(order, "dispute_won");
		}
		orders.save(order);
	}

	@Transactional(readOnly = true)
	public Optional<OrderId> findByPaymentRef(String paymentRef) {
		return orders.findIdByPaymentRef(paymentRef).map(OrderId::new);
	}

	@Transactional(readOnly = true)
	public Optional<OrderView> find(OrderId orderId) {
		return orders.findById(orderId.value()).map(Order::view);
	}

	/** Open checkouts begun between the two instants, with their gateway session. */
	@Transactional(readOnly = true)
	public List<PendingCheckout> pendingCheckouts(Instant from, Instant to) {
		return orders.findAllById(orders.findPendingCheckouts(from, to))
			.stream()
			.map(o -> new PendingCheckout(o.id(), o.checkoutSessionId().orElseThrow()))
			.toList();
	}

	/** An order waiting for payment at the gateway. */
	public record PendingCheckout(OrderId orderId, String sessionId) {
	}

	/** {@code reelgate.orders} counts order transitions by outcome and gateway, for dashboards and alerts. */
	private void count(Order order, String outcome) {
		meters.counter("reelgate.orders", "outcome", outcome, "gateway", order.gateway()).increment();
	}

	private Order locked(OrderId orderId) {
		return orders.findForUpdate(orderId.value()).orElseThrow(OrderNotFoundException::new);
	}
}
