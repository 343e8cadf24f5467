package io.reelgate.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code capacity} actions per {@code period}. Spent tokens come back one at a time, one every
 * {@code period / capacity}, so a client who used up the limit waits for the next token, not for a whole period.
 *
 * @param capacity how many actions may happen in a burst; at least 1
 * @param period how long the bucket takes to refill completely; positive
 */
public record Limit(long capacity, Duration period) {

	public Limit {
		Objects.requireNonNull(period, "period");
		if (capacity < 1) {
			throw new IllegalArgumentException("A limit needs a capacity of at least 1, not " + capacity);
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A limit needs a positive period, not " + period);
		}
	}

	/** The limit as text, e.g. {@code 10/PT10M}; part of the bucket's id, so a changed limit gets a fresh bucket. */
	String spec() {
		return capacity + "/" + period;
	}
}
