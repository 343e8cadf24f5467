package io.reelgate.library.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often one account may have fresh signed download links issued (each load of the library page signs a link
 * per file). Generous for a person; it stops a script from minting links by the thousand to hand out.
 *
 * @param perAccount per signed-in account, default 120 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.download-links")
record DownloadLinkRateLimitProperties(Limit perAccount) {

	DownloadLinkRateLimitProperties {
		if (perAccount == null) {
			perAccount = new Limit(120, Duration.ofHours(1));
		}
	}
}
