package io.reelgate.torrents;

import java.io.IOException;

import io.reelgate.torrents.PieceHashes.Unhashed;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hashes stored files that have no finished piece hashes yet, a batch per run, on one instance at a time
 * (ShedLock). A run cut off part-way leaves saved progress that the next run, on any instance, resumes.
 */
@Component
class PieceHashJob {

	private static final Logger log = LoggerFactory.getLogger(PieceHashJob.class);

	private static final int BATCH = 20;

	private final PieceHashes hashes;

	private final PieceHasher hasher;

	PieceHashJob(PieceHashes hashes, PieceHasher hasher) {
		this.hashes = hashes;
		this.hasher = hasher;
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
				hashed++;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not hash file {} for BitTorrent; trying again on the next run", file.fileId(), ex);
			}
		}
		return hashed;
	}
}
