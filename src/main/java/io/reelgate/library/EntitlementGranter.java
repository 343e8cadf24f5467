package io.reelgate.library;

import java.time.Clock;
import java.util.UUID;

import io.reelgate.checkout.OrderPaid;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts a paid bundle in the buyer's library. Runs after the order's transaction commits, in the same thread, so the
 * buyer's next page already shows the bundle; the event publication registry records the event before the commit
 * and marks it complete only when this returns, so a crash in between is retried on restart, not lost. Granting
 * twice is harmless (see {@link Entitlements#grant}).
 */
@Component
class EntitlementGranter {

	private final Entitlements entitlements;

	private final Clock clock;

	EntitlementGranter(Entitlements entitlements, Clock clock) {
		this.entitlements = entitlements;
		this.clock = clock;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OrderPaid event) {
		entitlements.grant(UUID.randomUUID(), event.buyer().value(), event.bundle().value(), event.orderId().value(),
				clock.instant());
	}
}
