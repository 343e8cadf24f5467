package io.reelgate.api;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one personal access token may make to the creator API (and to the tus endpoint with it).
 *
 * @param perToken default 120 per minute; each tus chunk counts as one request
 */
@ConfigurationProperties("reelgate.rate-limits.api")
record ApiRateLimitProperties(Limit perToken) {

	ApiRateLimitProperties {
		if (perToken == null) {
			perToken = new Limit(120, Duration.ofMinutes(1));
		}
	}
}
