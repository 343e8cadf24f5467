package io.reelgate.media;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.reelgate.catalog.FileView;
import io.reelgate.catalog.MediaMetadata;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Probes video and audio files that no probe has recorded anything for: files uploaded while ffprobe was missing
 * (once it is installed), and any whose probe was cut off. Files younger than a few minutes are left to
 * {@link MediaProbe}, which is already on them. One instance at a time runs it (ShedLock).
 */
@Component
class MediaBacklogJob {

	private static final Logger log = LoggerFactory.getLogger(MediaBacklogJob.class);

	private static final int BATCH = 50;

	private static final Duration GRACE = Duration.ofMinutes(5);

	private final Ffmpeg ffmpeg;

	private final MediaMetadata metadata;

	private final MediaProbe probe;

	private final Clock clock;

	MediaBacklogJob(Ffmpeg ffmpeg, MediaMetadata metadata, MediaProbe probe, Clock clock) {
		this.ffmpeg = ffmpeg;
		this.metadata = metadata;
		this.probe = probe;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "2m", fixedDelayString = "${reelgate.media.backlog-interval:10m}")
	@SchedulerLock(name = "media-backlog")
	void run() {
		int probed = probeBacklog(clock.instant().minus(GRACE));
		if (probed > 0) {
			log.info("Probed {} video and audio files that had no media metadata yet", probed);
		}
	}

	/** Probes up to one batch of the files added before {@code addedBefore}; returns how many it probed. */
	int probeBacklog(Instant addedBefore) {
		if (!ffmpeg.canProbe()) {
			return 0;
		}
		List<FileView> files = metadata.unprobed(addedBefore, BATCH);
		int probed = 0;
		for (FileView file : files) {
			try {
				probe.probe(file);
				probed++;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not probe file {}; trying again on the next run", file.id(), ex);
			}
		}
		return probed;
	}
}
