package io.reelgate.accounts.web;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many mails with account links people may make Reelgate send, so that the forms cannot be used to flood
 * someone's mailbox or to probe addresses at speed. A password reset request is refused only for its client address;
 * the caps per email address never refuse anyone, they only stop mailing, so that nobody can deny an account holder
 * their own reset by asking for it first.
 *
 * @param resetPerIp password reset requests from one client address, whatever the email; over it a 429; default 10
 * per hour
 * @param resetPerEmailAndIp reset mails to one email address asked for from one client address; over it no mail is
 * sent and the page says the same; default 3 per hour
 * @param resetPerEmail reset mails to one email address from anywhere, a silent cap like the one above that stops a
 * mailbox being flooded from many addresses; generous, so that others asking for someone's address do not use up the
 * owner's mail; default 20 per hour
 * @param linksPerAccount verification links re-sent and address changes asked for by one account; default 5 per hour
 */
@ConfigurationProperties("reelgate.rate-limits.account-links")
record AccountLinkRateLimitProperties(Limit resetPerIp, Limit resetPerEmailAndIp, Limit resetPerEmail,
		Limit linksPerAccount) {

	AccountLinkRateLimitProperties {
		if (resetPerIp == null) {
			resetPerIp = new Limit(10, Duration.ofHours(1));
		}
		if (resetPerEmailAndIp == null) {
			resetPerEmailAndIp = new Limit(3, Duration.ofHours(1));
		}
		if (resetPerEmail == null) {
			resetPerEmail = new Limit(20, Duration.ofHours(1));
		}
		if (linksPerAccount == null) {
			linksPerAccount = new Limit(5, Duration.ofHours(1));
		}
	}
}
