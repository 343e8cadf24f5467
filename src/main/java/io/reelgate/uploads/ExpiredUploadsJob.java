package io.reelgate.uploads;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the bytes and rows of uploads nobody continued within {@code reelgate.uploads.expire-after}, and the rows
 * of finished uploads once they expire (their bytes are already a bundle file). An upload being written to right
 * now is left alone.
 */
@Component
class ExpiredUploadsJob {

	private static final Logger log = LoggerFactory.getLogger(ExpiredUploadsJob.class);

	private static final int BATCH = 500;

	private final UploadSessions sessions;

	private final Staging staging;

	private final Clock clock;

	ExpiredUploadsJob(UploadSessions sessions, Staging staging, Clock clock) {
		this.sessions = sessions;
		this.staging = staging;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "1m", fixedDelayString = "${reelgate.uploads.cleanup-interval:15m}")
	@SchedulerLock(name = "expired-uploads")
	void run() {
		int deleted = deleteExpired(clock.instant());
		if (deleted > 0) {
			log.info("Deleted {} expired uploads", deleted);
		}
	}

	/** Deletes what expired before {@code now}, up to one batch a run; returns how many uploads went. */
	int deleteExpired(Instant now) {
		int deleted = 0;
		for (UUID id : sessions.expired(now, BATCH)) {
			if (sessions.delete(id, now)) {
				deleted++;
				try {
					staging.delete(id);
				}
				catch (IOException ex) {
					log.warn("Could not delete the staged bytes of expired upload {}", id, ex);
				}
			}
		}
		return deleted;
	}
}
