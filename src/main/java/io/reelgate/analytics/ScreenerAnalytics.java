package io.reelgate.analytics;

import io.reelgate.library.ScreenerRedeemed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Screener codes redeemed, from the library's event; the code's id makes a redelivered event count once. */
@Component
class ScreenerAnalytics {

	private final Analytics analytics;

	ScreenerAnalytics(Analytics analytics) {
		this.analytics = analytics;
	}

	@ApplicationModuleListener
	void on(ScreenerRedeemed redeemed) {
		analytics.unlocked(redeemed.bundle(), redeemed.creator(), UnlockKind.SCREENER, redeemed.codeId().toString(),
				redeemed.redeemedAt());
	}
}
