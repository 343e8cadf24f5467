package io.reelgate.checkout;

import java.util.List;
import java.util.Optional;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paid and refunded orders for modules that react to {@link OrderPaid} and {@link OrderRevoked}, such as mails. There is no access check: callers
 * act on checkout's own events, never on a request. Pages use {@link CheckoutService#order}, which checks the buyer.
 */
@Service
@Transactional(readOnly = true)
public class PaidOrders {

	private final Orders orders;

	private final Ledger ledger;

	PaidOrders(Orders orders, Ledger ledger) {
		this.orders = orders;
		this.ledger = ledger;
	}

	/** The order if it is paid; empty if it does not exist or is not paid. */
	public Optional<OrderView> find(OrderId id) {
		return orders.findById(id.value()).filter(o -> o.status() == OrderStatus.PAID).map(Order::view);
	}

	/** The order if it was refunded, as for {@link OrderRevoked}; empty otherwise. */
	public Optional<OrderView> findRefunded(OrderId id) {
		return orders.findById(id.value()).filter(o -> o.status() == OrderStatus.REFUNDED).map(Order::view);
	}

	/** The order whatever became of it since the event (it may be refunded by now), for reports on orders. */
	public Optional<OrderView> findInAnyState(OrderId id) {
		return orders.findById(id.value()).map(Order::view);
	}

	/** What the order's dispute took (possibly part of the payment), once the dispute is booked; empty before. */
	public Optional<DisputedPart> disputedPart(OrderId id) {
		return ledger.disputedPart(id);
	}

	/** Everyone holding a paid (not refunded) order for the bundle, once each, as for a release announcement. */
	public List<AccountId> buyersOf(BundleId bundle) {
		return orders.findPaidBuyersOfBundle(bundle.value()).stream().map(AccountId::new).toList();
	}
}
