package io.reelgate.ratelimit;

import java.time.Duration;

/** The limit is used up for now; the client may try again after {@link #retryAfter()}. */
public class RateLimitExceededException extends RuntimeException {

	private final Duration retryAfter;

	RateLimitExceededException(Duration retryAfter) {
		super("Rate limit exceeded; retry after " + retryAfter.toSeconds() + "s");
		this.retryAfter = retryAfter;
	}

	/** How long until the next action is allowed, in whole seconds and at least one second. */
	public Duration retryAfter() {
		return retryAfter;
	}
}
