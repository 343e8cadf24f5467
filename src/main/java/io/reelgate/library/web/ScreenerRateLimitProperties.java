package io.reelgate.library.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many screener codes one client address may try, against guessing (codes have 80 random bits, so this mostly
 * keeps a guesser from wasting the database's time).
 *
 * @param perIp redemptions tried per client address, right or wrong; default 20 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.screener-codes")
record ScreenerRateLimitProperties(Limit perIp) {

	ScreenerRateLimitProperties {
		if (perIp == null) {
			perIp = new Limit(20, Duration.ofHours(1));
		}
	}
}
