package io.reelgate.accounts.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many mails with account links people may make Reelgate send, so that the forms cannot be used to flood
 * someone's mailbox or to probe addresses at speed.
 *
 * @param resetPerIp password reset requests from one client address; default 10 per hour
 * @param resetPerEmail password reset requests for one email address, from anywhere; default 3 per hour
 * @param linksPerAccount verification links re-sent and address changes asked for by one account; default 5 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.account-links")
record AccountLinkRateLimitProperties(Limit resetPerIp, Limit resetPerEmail, Limit linksPerAccount) {

	AccountLinkRateLimitProperties {
		if (resetPerIp == null) {
			resetPerIp = new Limit(10, Duration.ofHours(1));
		}
		if (resetPerEmail == null) {
			resetPerEmail = new Limit(3, Duration.ofHours(1));
		}
		if (linksPerAccount == null) {
			linksPerAccount = new Limit(5, Duration.ofHours(1));
		}
	}
}
