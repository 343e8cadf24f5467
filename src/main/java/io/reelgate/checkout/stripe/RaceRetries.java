package io.reelgate.checkout.stripe;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a change again when it lost a race with another delivery: a lock timeout, a deadlock, a serialization
 * failure or a unique-key conflict ({@link TransientDataAccessException}, {@link DuplicateKeyException}). The
 * changes are idempotent and re-read the order under its lock, so running again sees the winner's outcome and does
 * nothing twice. Anything else (the database down, a bug) is not retried.
 */
final class RaceRetries {

	static final int ATTEMPTS = 5;

	private static final Duration BACKOFF = Duration.ofMillis(50);

	private static final Logger log = LoggerFactory.getLogger(RaceRetries.class);

	private RaceRetries() {
	}

	/** Runs {@code change}, again after each race lost, at most {@link #ATTEMPTS} times in all. */
	static void run(String what, Runnable change) {
		for (int attempt = 1;; attempt++) {
			try {
				change.run();
				return;
			}
			catch (TransientDataAccessException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				log.debug("{} raced another delivery ({}); reading again", what, ex.toString());
				pause(BACKOFF.multipliedBy(attempt));
			}
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to re-read after a race", ex);
		}
	}
}
