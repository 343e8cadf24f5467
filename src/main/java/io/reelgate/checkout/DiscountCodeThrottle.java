package io.reelgate.checkout;

import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.AccountId;

import org.springframework.stereotype.Component;

/**
 * Decides whether someone may have a discount code checked (on the bundle page or at checkout), and makes codes that
 * do not apply cost more, so that guessing codes is slowed to a few guesses an hour while people with a real code are
 * not held back. The account is checked first, so an account already refused does not also drain the bucket of
 * everyone behind the same address.
 */
@Component
public class DiscountCodeThrottle {

	/** The form message when a checkout's code is over the limit; its argument is the wait in whole minutes. */
	public static final String TOO_MANY = "checkout.codeChecks.tooMany";

	private static final String CODE_REFUSALS = "checkout.code.";

	private final RateLimiter limiter;

	private final DiscountCodeRateLimitProperties limits;

	DiscountCodeThrottle(RateLimiter limiter, DiscountCodeRateLimitProperties limits) {
		this.limiter = limiter;
		this.limits = limits;
	}

	/**
	 * Before a code is checked.
	 * @param account who is signed in (only signed-in viewers see what a code does)
	 * @param clientAddress the client's IP address as the servlet container reports it
	 * @throws RateLimitExceededException if this account or address has checked too many codes lately
	 */
	public void admit(AccountId account, String clientAddress) {
		limiter.consume(accountKey(account), limits.perAccount());
		limiter.consume(addressKey(clientAddress), limits.perIp());
	}

	/** After a code that does not apply (unknown, expired, used up, for another bundle): the rest of its cost. */
	public void failed(AccountId account, String clientAddress) {
		long rest = limits.failureCost() - 1L;
		limiter.charge(accountKey(account), limits.perAccount(), rest);
		limiter.charge(addressKey(clientAddress), limits.perIp(), rest);
	}

	/** Whether a refusal's message code says the discount code does not apply, which costs a failure. */
	public static boolean refusesCode(String messageCode) {
		return messageCode.startsWith(CODE_REFUSALS);
	}

	/** The wait as the form message says it: whole minutes, at least one. */
	public static long minutes(RateLimitExceededException ex) {
		return (ex.retryAfter().toSeconds() + 59) / 60;
	}

	private static String accountKey(AccountId account) {
		return "discount-code:account:" + account;
	}

	private static String addressKey(String clientAddress) {
		return "discount-code:ip:" + clientAddress;
	}
}
