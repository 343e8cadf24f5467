package io.reelgate.accounts;

import java.time.Duration;

import io.reelgate.ratelimit.Limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often people may try to log in, against password guessing and credential stuffing. Failed logins count per
 * account <em>and</em> client address, so someone guessing a victim's password from their own address locks only
 * themselves out, and only for minutes: the victim logging in from elsewhere is never held back. Failed logins also
 * count per account from anywhere, against guessers with many addresses; that budget slows everyone guessing at the
 * account by minutes at most, and never applies to a browser that signed in as the account before
 * ({@link KnownDevices}).
 *
 * @param perIp every login attempt from one client address, whatever the account; default 30 per 10 minutes
 * @param failures failed logins for one account from one address, in a burst; default 5, coming back one a minute
 * @param sustainedFailures failed logins for one account from one address over a longer time; default 15 per hour,
 * so a guesser who keeps going waits longer and longer: a minute per guess after 5 failures, four after 15
 * @param accountFailures failed logins for one account from anywhere, in a burst; default 20 per 10 minutes (then one
 * every 30 seconds)
 * @param accountSustainedFailures the same over a longer time; default 100 per 6 hours (then one every 3.6 minutes,
 * the longest anyone on a new browser waits)
 * @param knownDeviceLifetime how long a browser that signed in stays exempt from the per-account budget; default 180
 * days, renewed at each sign-in
 */
@ConfigurationProperties("reelgate.rate-limits.login")
public record LoginRateLimitProperties(Limit perIp, Limit failures, Limit sustainedFailures, Limit accountFailures,
		Limit accountSustainedFailures, Duration knownDeviceLifetime) {

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
		if (accountFailures == null) {
			accountFailures = new Limit(20, Duration.ofMinutes(10));
		}
		if (accountSustainedFailures == null) {
			accountSustainedFailures = new Limit(100, Duration.ofHours(6));
		}
		if (knownDeviceLifetime == null) {
			knownDeviceLifetime = Duration.ofDays(180);
		}
		if (knownDeviceLifetime.isNegative() || knownDeviceLifetime.isZero()) {
			throw new IllegalArgumentException("reelgate.rate-limits.login.known-device-lifetime must be positive");
		}
	}
}
