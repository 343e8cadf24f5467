package io.reelgate.accounts;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often people may try to log in, against password guessing and credential stuffing. Failed logins count per
 * account <em>and</em> client address, so someone guessing a victim's password from their own address locks only
 * themselves out, and only for minutes: the victim logging in from elsewhere is never held back.
 *
 * @param perIp every login attempt from one client address, whatever the account; default 30 per 10 minutes
 * @param failures failed logins for one account from one address, in a burst; default 5, coming back one a minute
 * @param sustainedFailures failed logins for one account from one address over a longer time; default 15 per hour,
 * so a guesser who keeps going waits longer and longer: a minute per guess after 5 failures, four after 15
 */
@ConfigurationProperties("reelgate.rate-limits.login")
public record LoginRateLimitProperties(Limit perIp, Limit failures, Limit sustainedFailures) {

	public LoginRateLimitProperties {
		if (perIp == null) {
			perIp = new Limit(30, Duration.ofMinutes(10));
		}
		if (failures == null) {
			failures = new Limit(5, Duration.ofMinutes(5));
		}
		if (sustainedFailures == null) {
			sustainedFailures = new Limit(15, Duration.ofHours(1));
		}
	}
}
