package io.reelgate.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reading media files with ffprobe and ffmpeg.
 *
 * @param enabled whether to look at video and audio files at all
 * @param ffprobe the ffprobe executable: a path, or a name looked up on the PATH
 * @param ffmpeg the ffmpeg executable, which takes poster frames: a path, or a name looked up on the PATH
 * @param timeout how long one run of either may take before it is killed
 * @param backlogInterval how often files that were never probed are looked for (read by {@link MediaBacklogJob}'s
 * schedule)
 */
@ConfigurationProperties("reelgate.media")
record MediaProperties(@DefaultValue("true") boolean enabled, @DefaultValue("ffprobe") String ffprobe,
		@DefaultValue("ffmpeg") String ffmpeg, @DefaultValue("60s") Duration timeout,
		@DefaultValue("10m") Duration backlogInterval) {

	MediaProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("reelgate.media.timeout must be positive");
		}
		if (backlogInterval.isNegative() || backlogInterval.isZero()) {
			throw new IllegalArgumentException("reelgate.media.backlog-interval must be positive");
		}
	}
}
