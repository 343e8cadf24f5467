package io.reelgate.checkout;

import java.time.Clock;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.CheckoutService.PayAt;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A buyer's open order at the payment gateway, for {@link CheckoutService}: its payment started (named as the
 * gateway's page shows it, payable for {@link CheckoutService#CHECKOUT_LIFETIME}) and its checkout closed when the
 * buyer gives up. The gateway is called outside any transaction; the order is read and changed in short ones.
 */
@Component
class GatewayCheckouts {

	private final Orders orders;

	private final Catalog catalog;

	private final AccountService accounts;

	private final PaymentGateway gateway;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GatewayCheckouts(Orders orders, Catalog catalog, AccountService accounts, PaymentGateway gateway,
			TransactionTemplate transactions, Clock clock) {
		this.orders = orders;
		this.catalog = catalog;
		this.accounts = accounts;
		this.gateway = gateway;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** @see CheckoutService#payAtGateway(AccountId, OrderId) */
	PayAt payOpenOrder(AccountId buyer, OrderId id) {
		Order order = transactions.execute(status -> orders.findById(id.value())
			.filter(o -> o.isFor(buyer))
			.orElseThrow(OrderNotFoundException::new));
		if (order.status() != OrderStatus.PENDING) {
			throw new OrderClosedException();
		}
		return startPayment(buyer, order, catalog.acquirable(order.bundle()).title());
	}

	/** Starts the gateway's payment of {@code order}, remembering the gateway's checkout for it if it has one. */
	PayAt startPayment(AccountId buyer, Order order, String title) {
		String itemName = itemName(order, title);
		Money amount = order.amount().orElseThrow();
		AccountView who = accounts.find(buyer).orElseThrow();
		PaymentGateway.PaymentRedirect redirect = gateway.startPayment(new PaymentGateway.PaymentRequest(order.id(),
				amount, order.kind(), itemName, who.email(),
				order.createdAt().plus(CheckoutService.CHECKOUT_LIFETIME)));
		if (redirect.checkoutSessionId() != null) {
			transactions.executeWithoutResult(status -> orders.findForUpdate(order.id().value())
				.orElseThrow(OrderNotFoundException::new)
				.attachCheckoutSession(redirect.checkoutSessionId()));
		}
		return new PayAt(redirect.url());
	}

	/** What the gateway's page calls the order: the title, as a gift or a rental where it is one. */
	private static String itemName(Order order, String title) {
		if (order.isGift()) {
			return "Gift: " + title;
		}
		OrderView view = order.view();
		return view.rental() ? "Rental (" + view.rentalHours() + " h): " + title : title;
	}

	/** @see CheckoutService#cancel(AccountId, OrderId) */
	void cancel(AccountId buyer, OrderId id) {
		Order order = transactions.execute(status -> {
			Order found = orders.findForUpdate(id.value()).filter(o -> o.isFor(buyer))
				.orElseThrow(OrderNotFoundException::new);
			found.cancel(clock.instant());
			return found;
		});
		if (order.status() == OrderStatus.CANCELLED) {
			order.checkoutSessionId().ifPresent(session -> gateway.closeCheckout(id, session));
		}
	}
}
