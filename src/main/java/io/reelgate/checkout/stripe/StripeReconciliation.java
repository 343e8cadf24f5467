package io.reelgate.checkout.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.reelgate.checkout.OrderPayments;
import io.reelgate.checkout.PaymentGatewayException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Safety net for lost webhooks: checkouts still open some minutes after they began are looked up at Stripe and
 * settled like a webhook would have. A webhook outage of hours therefore loses no paid order. One instance of the
 * cluster runs it at a time (ShedLock); settling is idempotent anyway.
 */
@Component
@Conditional(StripeMode.On.class)
class StripeReconciliation {

	/** Sessions live at most this long (see CheckoutService), so older orders need no more looking at. */
	private static final Duration HORIZON = Duration.ofDays(2);

	private static final Logger log = LoggerFactory.getLogger(StripeReconciliation.class);

	private final OrderPayments payments;

	private final StripeSessions sessions;

	private final StripeProperties properties;

	private final Clock clock;

	StripeReconciliation(OrderPayments payments, StripeSessions sessions, StripeProperties properties, Clock clock) {
		this.payments = payments;
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${reelgate.stripe.reconcile-interval:5m}", initialDelayString = "1m")
	@SchedulerLock(name = "stripe-reconciliation")
	void reconcile() {
		Instant now = clock.instant();
		int settled = 0;
		for (OrderPayments.PendingCheckout pending : payments.pendingCheckouts(now.minus(HORIZON),
				now.minus(properties.reconcileAfter()))) {
			try {
				if (sessions.settle(sessions.retrieve(pending.sessionId())) != StripeSessions.Settled.OPEN) {
					settled++;
				}
			}
			catch (PaymentGatewayException ex) {
				log.warn("Could not reconcile order {}: {}", pending.orderId(), ex.getMessage());
			}
		}
		if (settled > 0) {
			log.info("Reconciliation settled {} checkouts whose webhooks had not arrived", settled);
		}
	}
}
