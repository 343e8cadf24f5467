package io.reelgate.library;

import java.time.Clock;
import java.util.UUID;

import io.reelgate.checkout.OrderPaid;
import io.reelgate.checkout.OrderReinstated;
import io.reelgate.checkout.OrderRevoked;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaidOrders;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps buyers' libraries in step with their orders. Listeners run after the order's transaction commits, in the
 * same thread, so the buyer's next page already shows the change; the event publication registry records each event
 * before the commit and marks it complete only when its listener returns, so a crash in between is retried on
 * restart, not lost. Each write is idempotent (see {@link Entitlements}).
 */
@Component
class EntitlementGranter {

	private final Entitlements entitlements;

	private final Clock clock;

	private final PaidOrders orders;

	EntitlementGranter(Entitlements entitlements, Clock clock, PaidOrders orders) {
		this.entitlements = entitlements;
		this.orders = orders;
		this.clock = clock;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OrderPaid event) {
		Integer rentalHours = orders.findInAnyState(event.orderId())
			.filter(OrderView::rental)
			.map(OrderView::rentalHours)
			.orElse(null);
		if (rentalHours != null) {
			entitlements.grantRental(UUID.randomUUID(), event.buyer().value(), event.bundle().value(),
					event.orderId().value(), rentalHours, clock.instant());
			return;
		}
		entitlements.grant(UUID.randomUUID(), event.buyer().value(), event.bundle().value(), event.orderId().value(),
				clock.instant());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(EmailUnlockConfirmed event) {
		if (event.account() != null) {
			entitlements.grantForEmailUnlock(UUID.randomUUID(), event.account().value(), event.bundle().value(),
					event.unlockId(), clock.instant());
		}
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OrderRevoked event) {
		entitlements.revoke(UUID.randomUUID(), event.buyer().value(), event.bundle().value(), event.orderId().value(),
				clock.instant(), event.reason().name());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OrderReinstated event) {
		entitlements.reinstate(UUID.randomUUID(), event.buyer().value(), event.bundle().value(),
				event.orderId().value(), clock.instant());
	}
}
