package io.reelgate.checkout;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many discount codes people may try, against guessing codes (a 100 % code found by trying common words). Every
 * check costs one token from the signed-in account's bucket and one from the client address's; a code that
 * does not apply costs {@code failureCost} in all, so a buyer opening a shared link again and again is not held back
 * while a guesser soon waits minutes per guess.
 *
 * @param perAccount checks per signed-in account; default 50 per hour (ten wrong codes in a row, then one every six
 * minutes)
 * @param perIp checks per client address, whatever the account; default 100 per hour (twenty wrong codes, then one every
 * three minutes)
 * @param failureCost what a code that does not apply costs, in checks; at least 1, default 5
 */
@ConfigurationProperties("reelgate.rate-limits.discount-codes")
public record DiscountCodeRateLimitProperties(Limit perAccount, Limit perIp, Integer failureCost) {

	public DiscountCodeRateLimitProperties {
		if (perAccount == null) {
			perAccount = new Limit(50, Duration.ofHours(1));
		}
		if (perIp == null) {
			perIp = new Limit(100, Duration.ofHours(1));
		}
		if (failureCost == null) {
			failureCost = 5;
		}
		if (failureCost < 1) {
			throw new IllegalArgumentException(
					"reelgate.rate-limits.discount-codes.failure-cost must be at least 1, not " + failureCost);
		}
	}
}
