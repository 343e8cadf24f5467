package io.reelgate.checkout;

import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;

/**
 * Where buyers pay. The simulated gateway is used when no Stripe keys are configured; a real one takes over
 * without any other module noticing. Gateways are never called inside a database transaction.
 */
public interface PaymentGateway {

	/** A short name stored on orders, e.g. {@code simulated}. */
	String name();

	/** Prepares the payment of an order and says where to send the buyer to pay. */
	PaymentRedirect startPayment(PaymentRequest request);

	/** What the gateway needs to take a payment; the amount comes from the order, never from the browser. */
	record PaymentRequest(OrderId orderId, Money amount, String description) {
	}

	/** The URL the buyer's browser goes to next. */
	record PaymentRedirect(String url) {
	}
}
