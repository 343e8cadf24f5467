package io.reelgate.library;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gifts.
 *
 * @param claimLifetime how long a mailed claim link works; a resend starts a new link with a full lifetime
 * @param resendInterval how long the buyer waits between two mails of the same gift
 */
@ConfigurationProperties("reelgate.gifts")
record GiftProperties(@DefaultValue("30d") Duration claimLifetime, @DefaultValue("10m") Duration resendInterval) {

	GiftProperties {
		if (claimLifetime.isNegative() || claimLifetime.isZero()) {
			throw new IllegalArgumentException("reelgate.gifts.claim-lifetime must be positive");
		}
		if (resendInterval.isNegative()) {
			throw new IllegalArgumentException("reelgate.gifts.resend-interval must not be negative");
		}
	}
}
