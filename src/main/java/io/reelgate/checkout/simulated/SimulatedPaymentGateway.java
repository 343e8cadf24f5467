package io.reelgate.checkout.simulated;

import io.reelgate.checkout.PaymentGateway;
import io.reelgate.checkout.Payouts;
import io.reelgate.checkout.stripe.StripeMode;
import io.reelgate.shared.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The gateway used when no payment provider is configured: sends the buyer to a local page, clearly labelled as
 * test mode, whose Pay button confirms the order through the same path a real payment confirmation takes.
 */
@Component
@Conditional(StripeMode.Off.class)
class SimulatedPaymentGateway implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);

	private final Payouts payouts;

	SimulatedPaymentGateway(Payouts payouts) {
		this.payouts = payouts;
		log.warn("Payments are SIMULATED (test mode): no payment provider is configured and no real money moves.");
	}

	@Override
	public String name() {
		return "simulated";
	}

	@Override
	public String describe() {
		return "Simulated (test mode, no real money moves)";
	}

	@Override
	public boolean showsOrderSummary() {
		return true;
	}

	@Override
	public boolean paysSellersOut() {
		return false;
	}

	@Override
	public PaymentRedirect startPayment(PaymentRequest request) {
		return new PaymentRedirect("/checkout/simulated/" + request.orderId(), null);
	}

	/** No money moved, so none goes back; the parties' shares, never paid out, are cancelled. */
	@Override
	public void refund(OrderId orderId, String paymentRef) {
		payouts.recall(orderId);
		log.info("Simulated refund of order {}", orderId);
	}

	/** The simulated payment page refuses closed orders itself. */
	@Override
	public void closeCheckout(OrderId orderId, String checkoutSessionId) {
	}
}
