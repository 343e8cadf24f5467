package io.reelgate.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds ffprobe and ffmpeg once, at start, and says in the log what media metadata there will be. Each is used only
 * if it runs ({@code -version}); without ffprobe nothing is probed, without ffmpeg there are no poster frames, and
 * uploads work the same either way.
 */
@Component
class MediaTools {

	private static final Logger log = LoggerFactory.getLogger(MediaTools.class);

	private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

	private volatile Optional<Path> ffprobe;

	private volatile Optional<Path> ffmpeg;

	MediaTools(MediaProperties properties) {
		locate(properties);
	}

	/**
	 * Looks for the tools as {@code properties} say, replacing what was found before: at start, and in the shared
	 * test context to run without them and back, as no other test setting needs a context of its own.
	 */
	void locate(MediaProperties properties) {
		if (!properties.enabled()) {
			log.info("Media metadata is off (reelgate.media.enabled=false): video and audio files get no duration, "
					+ "resolution, codecs or poster frame");
			this.ffprobe = Optional.empty();
			this.ffmpeg = Optional.empty();
			return;
		}
		Optional<Path> foundProbe = find(properties.ffprobe());
		this.ffmpeg = foundProbe.isPresent() ? find(properties.ffmpeg()) : Optional.empty();
		this.ffprobe = foundProbe;
		if (ffprobe.isEmpty()) {
			log.warn("No working ffprobe at '{}' (reelgate.media.ffprobe): uploads work, but video and audio files get "
					+ "no duration, resolution, codecs or poster frame. On Debian or Ubuntu: apt-get install ffmpeg",
					properties.ffprobe());
		}
		else if (ffmpeg.isEmpty()) {
			log.warn("No working ffmpeg at '{}' (reelgate.media.ffmpeg): videos get no poster frame. On Debian or "
					+ "Ubuntu: apt-get install ffmpeg", properties.ffmpeg());
		}
	}

	Optional<Path> ffprobe() {
		return ffprobe;
	}

	Optional<Path> ffmpeg() {
		return ffmpeg;
	}

	/** A path is taken as it is; a bare name is looked up on the PATH, like a shell would. */
	private static Optional<Path> find(String configured) {
		if (configured.isBlank()) {
			return Optional.empty();
		}
		Stream<Path> candidates = configured.contains(File.separator) ? Stream.of(Path.of(configured))
				: Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
					.filter(dir -> !dir.isBlank())
					.map(dir -> Path.of(dir, configured));
		return candidates.filter(Files::isRegularFile).filter(Files::isExecutable).findFirst().filter(MediaTools::runs);
	}

	private static boolean runs(Path executable) {
		try {
			Processes.Result result = Processes.run(List.of(executable.toString(), "-version"), VERSION_TIMEOUT);
			if (result.succeeded()) {
				log.info("Media metadata: {} ({})", executable, result.stdout().lines().findFirst().orElse("?"));
				return true;
			}
			log.warn("{} -version failed: {}", executable, result.firstError());
		}
		catch (IOException ex) {
			log.warn("Could not run {}: {}", executable, ex.getMessage());
		}
		return false;
	}
}
