package io.reelgate.checkout;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.OrderId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full refunds, asked for by an admin or by the creator who made the sale. The gateway is told first, outside any
 * transaction; the order then moves to REFUNDED (revoking the buyer's access and booking the refund) through
 * {@link OrderPayments}, the same path a refund made in the provider's dashboard takes.
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
}
