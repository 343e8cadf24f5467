package io.reelgate.checkout;

import java.time.Instant;

import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * Where buyers pay. The simulated gateway is used when no Stripe keys are configured; Stripe takes over when they
 * are, without any other module noticing. Gateways are never called inside a database transaction.
 */
public interface PaymentGateway {

	/** A short name stored on orders, e.g. {@code simulated} or {@code stripe}. */
	String name();

	/** What admins see: which gateway is active and whether real money moves. */
	String describe();

	/** Whether sales pay the seller out through the gateway, so a seller needs a verified payout account first. */
	boolean paysSellersOut();

	/**
	 * Whether the gateway's own page is ours and shows the order summary (the simulated gateway). Otherwise the
	 * buyer sees our summary first and leaves for the gateway from there.
	 */
	boolean showsOrderSummary();

	/** Prepares the payment of an order and says where to send the buyer to pay. Idempotent per order. */
	PaymentRedirect startPayment(PaymentRequest request);

	/** Returns the whole payment of an order to the buyer, tax included, taking back the shares paid out. */
	void refund(OrderId orderId, String paymentRef);

	/**
	 * Stops the checkout of an order that closed unpaid from taking a payment, where the gateway keeps it open (Stripe
	 * expires the session). Best effort: a payment that still arrives is refunded when it is reported.
	 */
	void closeCheckout(OrderId orderId, String checkoutSessionId);

	/**
	 * What the gateway needs to take a payment; the amount comes from the order, never from the browser. The fee and
	 * the sellers' shares are settled once the payment is (they depend on the tax, known only then). The gateway's
	 * return links are built from {@code reelgate.public-url}, never from the request that started the checkout,
	 * whose {@code Host} header anyone can forge.
	 * @param kind what is sold, which decides its tax code
	 */
	record PaymentRequest(OrderId orderId, Money amount, OrderKind kind, String description, String buyerEmail,
			Instant expiresAt) {
	}

	/** The URL the buyer's browser goes to next, and the gateway's id for this checkout, if it has one. */
	record PaymentRedirect(String url, @Nullable String checkoutSessionId) {
	}
}
