package io.reelgate.checkout.web;

import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.AccountId;

import org.springframework.stereotype.Component;

/**
 * Starting a checkout costs one token from the buyer's bucket and one from their address's bucket. The account is
 * checked first, so an account that is already refused does not also drain the bucket of everyone behind the same
 * address; an address that is refused has still cost the account a token.
 */
@Component
class CheckoutRateLimit {

	private final RateLimiter limiter;

	private final CheckoutRateLimitProperties limits;

	CheckoutRateLimit(RateLimiter limiter, CheckoutRateLimitProperties limits) {
		this.limiter = limiter;
		this.limits = limits;
	}

	/**
	 * @param clientAddress the client's IP address as the servlet container reports it
	 * @throws RateLimitExceededException if this account or this address has started too many checkouts lately
	 */
	void admit(AccountId buyer, String clientAddress) {
		limiter.consume("checkout:account:" + buyer, limits.perAccount());
		limiter.consume("checkout:ip:" + clientAddress, limits.perIp());
	}
}
