package io.reelgate.library;

import io.reelgate.checkout.GiftPurchased;
import io.reelgate.checkout.GiftReinstated;
import io.reelgate.checkout.GiftRevoked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checkout's gift events. The claim mail goes out asynchronously, no transaction held while talking to SMTP, and is
 * retried with a fresh link if it fails; revocations apply right after the order's commit, like
 * {@link EntitlementGranter}'s.
 */
@Component
class GiftListener {

	private final Gifting gifting;

	GiftListener(Gifting gifting) {
		this.gifting = gifting;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(GiftPurchased event) {
		gifting.issue(event);
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(GiftRevoked event) {
		gifting.revoke(event);
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(GiftReinstated event) {
		gifting.reinstate(event);
	}
}
