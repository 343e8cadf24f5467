package io.reelgate.analytics;

import io.reelgate.library.EmailUnlockConfirmed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Email-gate unlocks from the library's event; the unlock's id makes a redelivered event count once. */
@Component
class EmailUnlockAnalytics {

	private final Analytics analytics;

	EmailUnlockAnalytics(Analytics analytics) {
		this.analytics = analytics;
	}

	@ApplicationModuleListener
	void on(EmailUnlockConfirmed confirmed) {
		analytics.unlocked(confirmed.bundle(), confirmed.creator(), UnlockKind.EMAIL, confirmed.unlockId().toString(),
				confirmed.confirmedAt());
	}
}
