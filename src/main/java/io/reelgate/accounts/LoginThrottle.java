package io.reelgate.accounts;

import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Decides whether a login attempt may be checked at all, and remembers failed ones. Every attempt costs the client
 * address a token; failures cost the (account, address) pair a token in two buckets, a short and a long one, so
 * the wait grows the longer someone keeps guessing, and the account a token in two buckets of its own, whatever the
 * address, so that guessers spread over many addresses are slowed too. A browser that signed in as the account
 * before ({@link KnownDevices}) is exempt from the account's buckets: the owner keeps working on their own devices
 * while someone else guesses. Unknown emails are counted like known ones, so the answers do not tell which accounts
 * exist.
 */
@Component
public class LoginThrottle {

	private final RateLimiter limiter;

	private final LoginRateLimitProperties limits;

	public LoginThrottle(RateLimiter limiter, LoginRateLimitProperties limits) {
		this.limiter = limiter;
		this.limits = limits;
	}

	/**
	 * Before the password is checked.
	 * @param email what was typed as the email; may be blank
	 * @param clientAddress the client's IP address as the servlet container reports it
	 * @param knownDevice whether the browser showed a {@link KnownDevices} cookie for this email
	 * @throws RateLimitExceededException if this address tried too often, or failed too often for this account, or
	 * (on other browsers) this account saw too many failures from anywhere
	 */
	public void admit(String email, String clientAddress, boolean knownDevice) {
		limiter.consume("login:ip:" + clientAddress, limits.perIp());
		limiter.requireAvailable(failureKey(email, clientAddress), limits.failures());
		limiter.requireAvailable(failureKey(email, clientAddress), limits.sustainedFailures());
		if (!knownDevice) {
			limiter.requireAvailable(accountKey(email), limits.accountFailures());
			limiter.requireAvailable(accountKey(email), limits.accountSustainedFailures());
		}
	}

	/** After a wrong email or password. */
	public void failed(String email, String clientAddress, boolean knownDevice) {
		limiter.record(failureKey(email, clientAddress), limits.failures());
		limiter.record(failureKey(email, clientAddress), limits.sustainedFailures());
		if (!knownDevice) {
			limiter.record(accountKey(email), limits.accountFailures());
			limiter.record(accountKey(email), limits.accountSustainedFailures());
		}
	}

	/** The email is hashed, so that neither the bucket table nor the log of refusals lists who was targeted. */
	static String failureKey(String email, String clientAddress) {
		return "login:failed:" + KnownDevices.emailHash(email == null ? "" : email) + ":" + clientAddress;
	}

	private static String accountKey(String email) {
		return "login:account-failed:" + KnownDevices.emailHash(email == null ? "" : email);
	}
}
