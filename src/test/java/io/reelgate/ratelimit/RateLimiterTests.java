package io.reelgate.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

@IntegrationTest
class RateLimiterTests {

	private static final Limit TWO_PER_TEN_MINUTES = new Limit(2, Duration.ofMinutes(10));

	@Autowired
	RateLimiter limiter;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesOnceTheLimitIsSpentAndSaysWhenTheNextTokenComes() {
		String key = Fixtures.unique("spent");
		limiter.consume(key, TWO_PER_TEN_MINUTES);
		limiter.consume(key, TWO_PER_TEN_MINUTES);

		// Two tokens per ten minutes: one comes back every five minutes.
		assertThat(refusal(limiter, key, TWO_PER_TEN_MINUTES).retryAfter())
			.isBetween(Duration.ofSeconds(299), Duration.ofSeconds(300));
	}

	@Test
	void aChargeBeyondWhatIsLeftLeavesADebtThatTheNextAttemptWaitsFor() {
		ManualClock clock = new ManualClock(Instant.now());
		RateLimiter limiter = clock.limiter(dataSource);
		Limit twoPerMinute = new Limit(2, Duration.ofMinutes(1));
		String key = Fixtures.unique("debt");
		limiter.consume(key, twoPerMinute);
		limiter.charge(key, twoPerMinute, 3);

		// One token left, three charged: two in debt, so the next token is three refills (30 s each) away.
		assertThat(refusal(limiter, key, twoPerMinute).retryAfter()).isEqualTo(Duration.ofSeconds(90));
		clock.advance(Duration.ofSeconds(90));
		assertThatNoException().isThrownBy(() -> limiter.consume(key, twoPerMinute));
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		String spent = Fixtures.unique("spent");
		limiter.consume(spent, TWO_PER_TEN_MINUTES);
		limiter.consume(spent, TWO_PER_TEN_MINUTES);
		refusal(limiter, spent, TWO_PER_TEN_MINUTES);

		assertThatNoException().isThrownBy(() -> limiter.consume(Fixtures.unique("fresh"), TWO_PER_TEN_MINUTES));
	}

	@Test
	void aSecondInstanceOnTheSameDatabaseSeesTheSameBucket() {
		RateLimiter otherInstance = new RateLimiter(dataSource, Clock.systemUTC());
		String key = Fixtures.unique("shared");
		limiter.consume(key, TWO_PER_TEN_MINUTES);
		otherInstance.consume(key, TWO_PER_TEN_MINUTES);

		refusal(otherInstance, key, TWO_PER_TEN_MINUTES);
		refusal(limiter, key, TWO_PER_TEN_MINUTES);
		assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id = ?")
			.param(key + "@2/PT10M").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void tokensComeBackAsTimePassesButNeverBeyondTheCapacity() {
		ManualClock clock = new ManualClock(Instant.now());
		RateLimiter limiter = new RateLimiter(dataSource, clock);
		Limit twoPerMinute = new Limit(2, Duration.ofMinutes(1));
		String key = Fixtures.unique("refill");
		limiter.consume(key, twoPerMinute);
		limiter.consume(key, twoPerMinute);
		assertThat(refusal(limiter, key, twoPerMinute).retryAfter()).isEqualTo(Duration.ofSeconds(30));

		clock.advance(Duration.ofSeconds(29));
		assertThat(refusal(limiter, key, twoPerMinute).retryAfter()).isEqualTo(Duration.ofSeconds(1));

		clock.advance(Duration.ofSeconds(1));
		limiter.consume(key, twoPerMinute);
		refusal(limiter, key, twoPerMinute);

		clock.advance(Duration.ofHours(1));
		limiter.consume(key, twoPerMinute);
		limiter.consume(key, twoPerMinute);
		refusal(limiter, key, twoPerMinute);
	}

	@Test
	void recordedOutcomesAreCheckedWithoutSpendingTokensAndComeBackWithTime() {
		ManualClock clock = new ManualClock(Instant.now());
		RateLimiter limiter = new RateLimiter(dataSource, clock);
		Limit twoPerMinute = new Limit(2, Duration.ofMinutes(1));
		String key = Fixtures.unique("failures");
		for (int i = 0; i < 5; i++) {
			limiter.requireAvailable(key, twoPerMinute);
		}
		limiter.record(key, twoPerMinute);
		limiter.record(key, twoPerMinute);
		limiter.record(key, twoPerMinute);

		assertThat(assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.requireAvailable(key, twoPerMinute)).actual().retryAfter())
			.isEqualTo(Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(30));
		assertThatNoException().isThrownBy(() -> limiter.requireAvailable(key, twoPerMinute));
	}

	@Test
	void aChangedLimitStartsAFreshBucket() {
		String key = Fixtures.unique("changed");
		limiter.consume(key, TWO_PER_TEN_MINUTES);
		limiter.consume(key, TWO_PER_TEN_MINUTES);
		refusal(limiter, key, TWO_PER_TEN_MINUTES);

		assertThatNoException().isThrownBy(() -> limiter.consume(key, new Limit(3, Duration.ofMinutes(10))));
	}

	@Test
	void bucketsExpireOnlyOnceFullAgainAndAreThenRemoved() {
		String key = Fixtures.unique("expiring");
		limiter.consume(key, TWO_PER_TEN_MINUTES);
		String id = key + "@2/PT10M";
		// Five minutes to refill the token, plus the time a full bucket is kept.
		assertThat(jdbc.sql("select expires_at from rate_limit_buckets where id = ?").param(id).query(Long.class)
			.single()).isGreaterThan(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis());

		limiter.removeExpiredBuckets();
		assertThat(buckets(id)).isEqualTo(1);

		jdbc.sql("update rate_limit_buckets set expires_at = ? where id = ?")
			.params(System.currentTimeMillis() - 1, id).update();
		limiter.removeExpiredBuckets();
		assertThat(buckets(id)).isZero();
	}

	@Test
	void rejectsMeaninglessLimitsAndKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(0, Duration.ofMinutes(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(1, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(1, Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.consume(" ", TWO_PER_TEN_MINUTES));
		assertThatIllegalArgumentException().isThrownBy(() -> limiter.consume("k".repeat(201), TWO_PER_TEN_MINUTES));
	}

	private static RateLimitExceededException refusal(RateLimiter limiter, String key, Limit limit) {
		return assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limiter.consume(key, limit))
			.actual();
	}

	private long buckets(String id) {
		return jdbc.sql("select count(*) from rate_limit_buckets where id = ?").param(id).query(Long.class).single();
	}
}
