package io.reelgate.uploads;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the bytes and rows of uploads nobody continued within {@code reelgate.uploads.expire-after}, and the rows
 * of finished uploads once they expire (their bytes are already a bundle file). An upload being written to right
 * now is left alone. Staged bytes go with them: the file, or the object store's multipart upload (aborted) and its
 * scratch objects.
 */
@Component
class ExpiredUploadsJob {

	private static final Logger log = LoggerFactory.getLogger(ExpiredUploadsJob.class);

	private static final int BATCH = 500;

	private final UploadSessions sessions;

	private final UploadStaging staging;

	private final Clock clock;

	ExpiredUploadsJob(UploadSessions sessions, UploadStaging staging, Clock clock) {
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
			Optional<UploadSession> session = sessions.find(id);
			if (session.isPresent() && sessions.delete(id, now)) {
				deleted++;
				try {
					// A finished upload's bytes are a bundle file: only unfinished ones have anything staged.
					if (!session.get().completed()) {
						staging.delete(session.get());
					}
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Could not delete the staged bytes of expired upload {}", id, ex);
				}
			}
		}
		return deleted;
	}
}
