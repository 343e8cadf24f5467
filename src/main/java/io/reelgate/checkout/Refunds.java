package io.reelgate.checkout;

import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleRemoved;
import io.reelgate.shared.OrderId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full refunds, asked for by an admin or by the creator who made the sale. The gateway is told first, outside any
 * transaction; the order then moves to REFUNDED (revoking the buyer's access and booking the refund) through
 * {@link OrderPayments}, the same path a refund made in the provider's dashboard takes. When moderation removes a
 * bundle, every paid order of it is refunded the same way.
 */
@Service
public class Refunds {

	private final Orders orders;

	private final OrderPayments payments;

	private final PaymentGateway gateway;

	private final TransactionTemplate transactions;

	Refunds(Orders orders, OrderPayments payments, PaymentGateway gateway, TransactionTemplate transactions) {
		this.orders = orders;
		this.payments = payments;
		this.gateway = gateway;
		this.transactions = transactions;
	}

	/**
	 * The order {@code actor} may refund, as its confirmation page shows it: an admin any order, a creator their own
	 * sales; refused (with the page's message) if it is not refundable, so the page never offers what the refund would
	 * refuse.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
	public OrderView refundable(AccountPrincipal actor, OrderId id) {
		OrderView order = transactions.execute(status -> orders.findById(id.value())
			.filter(o -> actor.isAdmin() || o.isSoldBy(actor.accountId()))
			.map(Order::view)
			.orElseThrow(OrderNotFoundException::new));
		if (!order.refundable()) {
			throw new CheckoutRefusedException("refund.notRefundable");
		}
		return order;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
	public OrderView refund(AccountPrincipal actor, OrderId id) {
		Order order = transactions.execute(status -> orders.findById(id.value())
			.filter(o -> actor.isAdmin() || o.isSoldBy(actor.accountId()))
			.orElseThrow(OrderNotFoundException::new));
		if (!order.view().refundable() || order.paymentRef().isEmpty()) {
			throw new CheckoutRefusedException("refund.notRefundable");
		}
		String paymentRef = order.paymentRef().get();
		if (order.gateway().equals(gateway.name())) {
			gateway.refund(id, paymentRef);
		}
		payments.refunded(id, paymentRef);
		return payments.find(id).orElseThrow();
	}

	/**
	 * Closes the unpaid checkouts of a bundle moderation removed and refunds every buyer, after the removal committed,
	 * with no transaction open while the gateway is called. Safe to repeat (a redelivered event, an admin removing twice): only orders still
	 * PAID are refunded, each transition locks its order, and Stripe refunds carry an idempotency key per order. If
	 * the gateway fails, the exception leaves the event publication incomplete, to be retried; the orders refunded
	 * before the failure are not refunded again.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BundleRemoved event) {
		// Unpaid checkouts close first: a payment that still arrives finds its order closed and goes back to the buyer
		// (StripeSessions), and one confirmed before this is among the paid orders refunded next.
		List<UUID> pending = transactions.execute(status -> orders.findPendingOfBundle(event.bundle().value()));
		for (UUID id : pending) {
			closeCheckout(new OrderId(id));
		}
		List<UUID> paid = transactions.execute(status -> orders.findPaidOfBundle(event.bundle().value()));
		for (UUID id : paid) {
			refundForRemoval(new OrderId(id));
		}
	}

	private void closeCheckout(OrderId id) {
		payments.expire(id);
		Order order = transactions.execute(status -> orders.findById(id.value()).orElseThrow());
		if (order.status() == OrderStatus.EXPIRED) {
			order.checkoutSessionId().ifPresent(session -> gateway.closeCheckout(id, session));
		}
	}

	private void refundForRemoval(OrderId id) {
		Order order = transactions.execute(status -> orders.findById(id.value()).orElseThrow());
		if (order.status() != OrderStatus.PAID || order.paymentRef().isEmpty()) {
			return;
		}
		String paymentRef = order.paymentRef().get();
		boolean moneyMoved = order.amount().filter(amount -> !amount.isZero()).isPresent();
		if (moneyMoved && order.gateway().equals(gateway.name())) {
			gateway.refund(id, paymentRef);
		}
		payments.refundedForRemoval(id, paymentRef);
	}
}
