package io.reelgate.moderation.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many reports may be sent, against flooding the admin queue.
 *
 * @param perIp reports sent from one client address ({@code request.getRemoteAddr()}); default 10 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.reports")
record ReportRateLimitProperties(Limit perIp) {

	ReportRateLimitProperties {
		if (perIp == null) {
			perIp = new Limit(10, Duration.ofHours(1));
		}
	}
}
