package io.reelgate.accounts.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many accounts may be opened, against scripted spam accounts.
 *
 * @param perIp accounts opened from one client address ({@code request.getRemoteAddr()}); default 10 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.signup")
record SignUpRateLimitProperties(Limit perIp) {

	SignUpRateLimitProperties {
		if (perIp == null) {
			perIp = new Limit(10, Duration.ofHours(1));
		}
	}
}
