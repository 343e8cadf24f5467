package io.reelgate.media;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Packaging video and audio files as HLS for online playback (see {@link HlsPackaging}).
 *
 * @param enabled whether to package at all; without it, players fall back to the original file where a browser can
 * play it
 * @param concurrency how many files one instance packages at the same time (each is one ffmpeg process)
 * @param segmentSeconds the target length of a segment
 * @param timeout how long packaging one file may take before ffmpeg is killed and the package marked failed
 * @param lease how long an instance's claim on a file lasts without a sign of progress before another instance may
 * take the packaging over (after a crash)
 * @param ladder the picture heights of the renditions made when a video has to be re-encoded (those no taller than
 * the source; a source shorter than all of them gets one rendition at its own height)
 */
@ConfigurationProperties("reelgate.media.hls")
record HlsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1") int concurrency,
		@DefaultValue("6") int segmentSeconds, @DefaultValue("6h") Duration timeout, @DefaultValue("2m") Duration lease,
		@DefaultValue({ "720", "480" }) List<Integer> ladder) {

	HlsProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException("reelgate.media.hls.concurrency must be at least 1");
		}
		if (segmentSeconds < 1 || segmentSeconds > 30) {
			throw new IllegalArgumentException("reelgate.media.hls.segment-seconds must be between 1 and 30");
		}
		if (timeout.isNegative() || timeout.isZero() || lease.compareTo(Duration.ofSeconds(10)) < 0) {
			throw new IllegalArgumentException("reelgate.media.hls.timeout must be positive and lease at least 10s");
		}
		if (ladder.isEmpty() || ladder.stream().anyMatch(height -> height < 144 || height > 2160 || height % 2 != 0)) {
			throw new IllegalArgumentException("reelgate.media.hls.ladder needs even heights between 144 and 2160");
		}
		ladder = List.copyOf(ladder);
	}
}
