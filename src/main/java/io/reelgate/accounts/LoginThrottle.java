package io.reelgate.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;

import org.springframework.stereotype.Component;

/**
 * Decides whether a login attempt may be checked at all, and remembers failed ones. Every attempt costs the client
 * address a token; failures cost the (account, address) pair a token in two buckets, a short and a long one, so
 * the wait grows the longer someone keeps guessing. Unknown emails are counted like known ones, so the answers do
 * not tell which accounts exist.
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
	 * @throws RateLimitExceededException if this address tried too often, or failed too often for this account
	 */
	public void admit(String email, String clientAddress) {
		limiter.consume("login:ip:" + clientAddress, limits.perIp());
		limiter.requireAvailable(failureKey(email, clientAddress), limits.failures());
		limiter.requireAvailable(failureKey(email, clientAddress), limits.sustainedFailures());
	}

	/** After a wrong email or password. */
	public void failed(String email, String clientAddress) {
		limiter.record(failureKey(email, clientAddress), limits.failures());
		limiter.record(failureKey(email, clientAddress), limits.sustainedFailures());
	}

	/** The email is hashed, so that neither the bucket table nor the log of refusals lists who was targeted. */
	static String failureKey(String email, String clientAddress) {
		String account = email == null ? "" : Account.normalizeEmail(email);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
			return "login:failed:" + HexFormat.of().formatHex(digest, 0, 16) + ":" + clientAddress;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
