package io.reelgate.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

/** A clock the test moves by hand, so refills need no sleeping; with a limiter that reads it. */
public final class ManualClock extends Clock {

	private Instant now;

	public ManualClock(Instant start) {
		this.now = start;
	}

	/** A rate limiter on the given database whose buckets refill by this clock. */
	public RateLimiter limiter(DataSource dataSource) {
		return new RateLimiter(dataSource, this);
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}
}
