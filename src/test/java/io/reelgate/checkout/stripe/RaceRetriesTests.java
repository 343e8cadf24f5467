package io.reelgate.checkout.stripe;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RaceRetriesTests {

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void aChangeThatLostALockTimeoutASerializationFailureOrAUniqueKeyIsRunAgainUntilItHolds() {
		RaceRetries.run("test", () -> {
			switch (runs.incrementAndGet()) {
				case 1 -> throw new CannotAcquireLockException("lock timeout (55P03)");
				case 2 -> throw new PessimisticLockingFailureException("could not serialize access (40001)");
				case 3 -> throw new DuplicateKeyException("duplicate key value violates unique constraint (23505)");
				case 4 -> throw new ObjectOptimisticLockingFailureException("Order", "id");
				default -> {
				}
			}
		});
		assertThat(runs).hasValue(5);
	}

	@Test
	void aChangeThatKeepsLosingFailsAfterFiveAttempts() {
		assertThatThrownBy(() -> RaceRetries.run("test", () -> {
			runs.incrementAndGet();
			throw new CannotAcquireLockException("lock timeout");
		})).isInstanceOf(CannotAcquireLockException.class);
		assertThat(runs).hasValue(RaceRetries.ATTEMPTS);
	}

	@Test
	void theDatabaseBeingDownIsNotARaceAndIsNotRetried() {
		assertThatThrownBy(() -> RaceRetries.run("test", () -> {
			runs.incrementAndGet();
			throw new DataAccessResourceFailureException("connection refused");
		})).isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(runs).hasValue(1);
	}
}
