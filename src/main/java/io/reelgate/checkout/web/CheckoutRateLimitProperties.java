package io.reelgate.checkout.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many checkouts may be started, against card testing (trying stolen card numbers through many small
 * purchases). Both limits apply; a {@link Limit} with a non-positive capacity or period stops the application from
 * starting.
 *
 * @param perAccount per signed-in account, default 10 per 10 minutes
 * @param perIp per client address ({@code request.getRemoteAddr()}), default 30 per 10 minutes
 */
@ConfigurationProperties("reelgate.rate-limits.checkout")
record CheckoutRateLimitProperties(Limit perAccount, Limit perIp) {

	CheckoutRateLimitProperties {
		if (perAccount == null) {
			perAccount = new Limit(10, Duration.ofMinutes(10));
		}
		if (perIp == null) {
			perIp = new Limit(30, Duration.ofMinutes(10));
		}
	}
}
