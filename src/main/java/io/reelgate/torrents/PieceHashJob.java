package io.reelgate.torrents;

import java.io.IOException;

import io.reelgate.torrents.HashFailures.Failure;
import io.reelgate.torrents.PieceHashes.Unhashed;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hashes stored files that have no finished piece hashes yet, a batch per run, on one instance at a time
 * (ShedLock). A run cut off part-way leaves saved progress that the next run, on any instance, resumes. A file that
 * cannot be hashed is recorded in {@link HashFailures} with one log line and left alone until it is due again (a
 * missing blob never by itself), instead of failing every run.
 */
@Component
class PieceHashJob {

	private static final Logger log = LoggerFactory.getLogger(PieceHashJob.class);

	private static final int BATCH = 20;

	private final PieceHashes hashes;

	private final PieceHasher hasher;

	private final HashFailures failures;

	private final TorrentProperties properties;

	PieceHashJob(PieceHashes hashes, PieceHasher hasher, HashFailures failures, TorrentProperties properties) {
		this.hashes = hashes;
		this.hasher = hasher;
		this.failures = failures;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "30s", fixedDelayString = "${reelgate.torrents.hash-interval:1m}")
	@SchedulerLock(name = "torrent-piece-hashes", lockAtMostFor = "PT2H")
	void run() {
		int hashed = hashBacklog();
		if (hashed > 0) {
			log.info("Computed BitTorrent piece hashes of {} files", hashed);
		}
	}

	/** Hashes up to one batch of the backlog; returns how many files it finished. */
	int hashBacklog() {
		int hashed = 0;
		for (Unhashed file : hashes.backlog(PieceHasher.PIECE_LENGTH, BATCH)) {
			try {
				hasher.hash(file);
				failures.clear(file.fileId());
				hashed++;
			}
			catch (IOException | RuntimeException ex) {
				Failure failure = failures.record(file.fileId(), ex, properties.hashInterval());
				log.warn("Could not compute BitTorrent piece hashes of file {} ({}, attempt {}): {}; {}", file.fileId(),
						failure.reason(), failure.attempts(), failure.detail(), failure.retryAt() == null
								? "not tried again until an admin asks" : "trying again at " + failure.retryAt());
			}
		}
		return hashed;
	}
}
