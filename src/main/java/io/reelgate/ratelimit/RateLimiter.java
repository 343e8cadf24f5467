package io.reelgate.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limit_buckets}, see {@code V4__rate_limit_buckets.sql}) by Bucket4j.
 * Each call takes a row lock on its bucket ({@code SELECT ... FOR UPDATE}) in its own short transaction, so all
 * instances sharing the database count against the same buckets and never lose an update.
 * <p>
 * A bucket's id is the caller's key plus the limit, so when an operator changes a limit the next call starts a fresh
 * bucket instead of inheriting one built for the old limit. A bucket that has refilled completely is no different
 * from a new one, so it expires and is deleted by {@link #removeExpiredBuckets()}.
 */
@Component
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/** How long a full bucket is kept before it may be deleted. */
	private static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(5);

	private static final int REMOVAL_BATCH = 1000;

	/** Leaves room in the 255-character id column for the limit that is appended to the key. */
	private static final int MAX_KEY_LENGTH = 200;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	RateLimiter(DataSource dataSource, Clock clock) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
			.clientClock(new ClockTimeMeter(clock))
			.build();
	}

	/**
	 * Takes one token from the bucket of {@code key} under {@code limit}.
	 * @param key who or what is limited, e.g. {@code checkout:account:<id>}; at most 200 characters
	 * @throws RateLimitExceededException if the bucket is empty; nothing is taken then
	 */
	public void consume(String key, Limit limit) {
		ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw refusal(key, limit, probe.getNanosToWaitForRefill());
		}
	}

	/**
	 * Takes one token from the bucket of {@code key} under {@code limit} if it has one, for limits that quietly skip
	 * an action instead of refusing the client (a mail not sent).
	 * @return whether a token was taken
	 */
	public boolean tryConsume(String key, Limit limit) {
		boolean consumed = bucket(key, limit).tryConsume(1);
		if (!consumed) {
			log.info("Rate limit {} reached for {}; skipped", limit.spec(), key);
		}
		return consumed;
	}

	/**
	 * Checks that the bucket of {@code key} under {@code limit} has a token, without taking it: for limits that count
	 * only some outcomes of an action (failed logins), checked before the action and {@link #record recorded}
	 * after it.
	 * @throws RateLimitExceededException if the bucket is empty
	 */
	public void requireAvailable(String key, Limit limit) {
		EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw refusal(key, limit, probe.getNanosToWaitForRefill());
		}
	}

	/** Takes one token from the bucket of {@code key} under {@code limit} if it has one; never refuses. */
	public void record(String key, Limit limit) {
		bucket(key, limit).tryConsume(1);
	}

	/**
	 * Takes {@code tokens} from the bucket of {@code key} under {@code limit} whether or not it holds them, leaving
	 * it in debt if need be, so that the next {@link #consume} waits until the debt is repaid: for outcomes that
	 * should cost more than the attempt itself (a wrong discount code). Never refuses.
	 */
	public void charge(String key, Limit limit, long tokens) {
		if (tokens > 0) {
			bucket(key, limit).consumeIgnoringRateLimits(tokens);
		}
	}

	private BucketProxy bucket(String key, Limit limit) {
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException("A rate limit key needs 1 to " + MAX_KEY_LENGTH + " characters");
		}
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
			.build();
		return buckets.builder().build(key + "@" + limit.spec(), () -> configuration);
	}

	private static RateLimitExceededException refusal(String key, Limit limit, long nanosToWait) {
		Duration retryAfter = wholeSeconds(nanosToWait);
		log.info("Rate limit {} reached for {}; next try in {}s", limit.spec(), key, retryAfter.toSeconds());
		return new RateLimitExceededException(retryAfter);
	}

	/** Deletes buckets that have been full for a while; each instance may run this, rows are skipped if locked. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
	@SchedulerLock(name = "rate-limit-cleanup")
	void removeExpiredBuckets() {
		int removed;
		do {
			removed = buckets.removeExpired(REMOVAL_BATCH);
		}
		while (removed == REMOVAL_BATCH);
	}

	private static Duration wholeSeconds(long nanos) {
		long seconds = (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
		return Duration.ofSeconds(Math.max(1, seconds));
	}

	/** Bucket4j reads the application's clock, so tests move time instead of sleeping. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = clock.instant();
			return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}
	}
}
