package io.reelgate.checkout;

import java.time.Clock;
import java.util.Optional;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns "Buy" into an order and a payment, and a confirmed payment into {@link OrderPaid}. Idempotent throughout:
 * a buyer who clicks twice gets the same open order, a payment confirmed twice is paid once, and a buyer who
 * already owns the bundle is never charged again. Payment gateways are called outside any transaction.
 */
@Service
public class CheckoutService {

	private final Orders orders;

	private final Catalog catalog;

	private final PaymentGateway gateway;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CheckoutService(Orders orders, Catalog catalog, PaymentGateway gateway, TransactionTemplate transactions,
			Clock clock) {
		this.orders = orders;
		this.catalog = catalog;
		this.gateway = gateway;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What happens after the buyer pressed Buy or Get. */
	public sealed interface Outcome permits AlreadyOwned, Acquired, PayAt {
	}

	/** The buyer owns the bundle already; nothing was charged. */
	public record AlreadyOwned() implements Outcome {
	}

	/** A free bundle, now in the buyer's library. */
	public record Acquired() implements Outcome {
	}

	/** Send the buyer to this URL to pay. */
	public record PayAt(String url) implements Outcome {
	}

	@PreAuthorize("isAuthenticated()")
	public Outcome checkout(AccountId buyer, BundleId bundleId) {
		BundleSummary bundle = catalog.acquirable(bundleId);
		if (bundle.creatorId().equals(buyer)) {
			throw new CheckoutRefusedException("checkout.ownBundle");
		}
		if (owns(buyer, bundleId)) {
			return new AlreadyOwned();
		}
		if (bundle.isFree()) {
			claimFree(buyer, bundleId);
			return new Acquired();
		}
		Order order = openOrder(buyer, bundle);
		return new PayAt(gateway.startPayment(new PaymentGateway.PaymentRequest(order.id(),
				order.amount().orElseThrow(), bundle.title())).url());
	}

	public boolean owns(AccountId buyer, BundleId bundle) {
		return orders.existsByBuyerIdAndBundleIdAndStatus(buyer.value(), bundle.value(), OrderStatus.PAID);
	}

	/**
	 * The single place where a payment becomes a paid order; every gateway's confirmation ends here.
	 * @return whether this confirmation paid the order (false if it was paid already)
	 */
	public boolean confirmPayment(OrderId orderId, String paymentRef) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Order order = orders.findForUpdate(orderId.value()).orElseThrow(OrderNotFoundException::new);
			boolean changed = order.markPaid(paymentRef, clock.instant());
			orders.save(order);
			return changed;
		}));
	}

	/** An order of the given buyer; others get a 404. */
	@PreAuthorize("isAuthenticated()")
	public OrderView order(AccountId buyer, OrderId id) {
		return transactions.execute(status -> orders.findById(id.value())
			.filter(o -> o.isFor(buyer))
			.map(Order::view)
			.orElseThrow(OrderNotFoundException::new));
	}

	@PreAuthorize("isAuthenticated()")
	public void cancel(AccountId buyer, OrderId id) {
		transactions.executeWithoutResult(status -> {
			Order order = orders.findForUpdate(id.value()).filter(o -> o.isFor(buyer))
				.orElseThrow(OrderNotFoundException::new);
			order.cancel();
		});
	}

	private void claimFree(AccountId buyer, BundleId bundleId) {
		transactions.executeWithoutResult(status -> {
			Order order = new Order(buyer, bundleId, Optional.empty(), "free", clock.instant());
			order.markPaid("free:" + order.id(), clock.instant());
			orders.save(order);
		});
	}

	/** Reuses the buyer's open order if its price is still the bundle's price, else replaces it. */
	private Order openOrder(AccountId buyer, BundleSummary bundle) {
		try {
			return transactions.execute(status -> {
				Optional<Order> open = orders.findByBuyerIdAndBundleIdAndStatus(buyer.value(), bundle.id().value(),
						OrderStatus.PENDING);
				if (open.isPresent() && open.get().amount().equals(Optional.ofNullable(bundle.price()))) {
					return open.get();
				}
				open.ifPresent(o -> {
					o.cancel();
					orders.saveAndFlush(o);
				});
				return orders.saveAndFlush(new Order(buyer, bundle.id(), Optional.ofNullable(bundle.price()),
						gateway.name(), clock.instant()));
			});
		}
		catch (DataIntegrityViolationException ex) {
			// A concurrent click opened the order first; use that one.
			return transactions.execute(status -> orders
				.findByBuyerIdAndBundleIdAndStatus(buyer.value(), bundle.id().value(), OrderStatus.PENDING)
				.orElseThrow(() -> ex));
		}
	}
}
