package io.reelgate.library.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many email-gate requests (each sends a mail) may be made, against using the site to mail-bomb an address.
 *
 * @param perIp requests from one client address; default 10 per hour
 * @param perEmail requests for one address, whoever sends them; default 3 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.email-unlock")
record EmailUnlockRateLimitProperties(Limit perIp, Limit perEmail) {

	EmailUnlockRateLimitProperties {
		if (perIp == null) {
			perIp = new Limit(10, Duration.ofHours(1));
		}
		if (perEmail == null) {
			perEmail = new Limit(3, Duration.ofHours(1));
		}
	}
}
