package io.reelgate.checkout.simulated;

import io.reelgate.checkout.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The gateway used when no payment provider is configured: sends the buyer to a local page, clearly labelled as
 * test mode, whose Pay button confirms the order through the same path a real payment confirmation takes.
 */
@Component
class SimulatedPaymentGateway implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentGateway.class);

	SimulatedPaymentGateway() {
		log.warn("Payments are SIMULATED (test mode): no payment provider is configured and no real money moves.");
	}

	@Override
	public String name() {
		return "simulated";
	}

	@Override
	public PaymentRedirect startPayment(PaymentRequest request) {
		return new PaymentRedirect("/checkout/simulated/" + request.orderId());
	}
}
