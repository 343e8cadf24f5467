package io.reelgate.accounts;

import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.AccountId;

import org.springframework.stereotype.Component;

/**
 * Limits wrong second-factor codes per account, whatever the address: whoever types them already has the password,
 * so only the account's own budget stops them trying codes. With the defaults (5 in a burst, 15 per 6 hours) and
 * three codes valid at a time, a guesser's chance is about one in twenty thousand a day.
 */
@Component
public class SecondFactorThrottle {

	private final RateLimiter limiter;

	private final SecondFactorProperties properties;

	SecondFactorThrottle(RateLimiter limiter, SecondFactorProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	/** @throws RateLimitExceededException if the account typed too many wrong codes lately */
	public void admit(AccountId account) {
		limiter.requireAvailable(key(account), properties.failures());
		limiter.requireAvailable(key(account), properties.sustainedFailures());
	}

	public void failed(AccountId account) {
		limiter.record(key(account), properties.failures());
		limiter.record(key(account), properties.sustainedFailures());
	}

	private static String key(AccountId account) {
		return "second-factor:failed:" + account;
	}
}
